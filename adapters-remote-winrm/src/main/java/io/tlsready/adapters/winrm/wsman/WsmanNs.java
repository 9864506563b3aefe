package io.tlsready.adapters.winrm.wsman;

import java.util.Set;

/**
 * The XML namespaces of WS-Management as Windows (MS-WSMV 2.2.1), OMI and older drafts use them. The parser
 * matches by namespace URI, never by prefix: Windows writes {@code s:/a:/w:}, OMI {@code SOAP-ENV:/wsa:/wsman:},
 * pypsrp {@code wsa:/wsman:/wsmv:}, winrm4j {@code ns1:/ns2:} and default namespaces.
 */
public final class WsmanNs {

    /** SOAP 1.2 envelope (MS-WSMV 2.2.1: the only version Windows speaks). */
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    /** SOAP 1.1 envelope, accepted on input only. */
    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    /** WS-Addressing, August 2004 submission (MS-WSMV 2.2.1 prefix wsa). */
    public static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    /** WS-Addressing 1.0, accepted on input only. */
    public static final String WSA10 = "http://www.w3.org/2005/08/addressing";
    /** DMTF WS-Management 1.x (DSP0226; MS-WSMV prefix wsman). */
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    /** The pre-DMTF WS-Management draft namespace (Windows Server 2003 R2 era), accepted on input only. */
    public static final String WSMAN_2005 = "http://schemas.xmlsoap.org/ws/2005/06/management";
    /** Microsoft extensions (MS-WSMV prefix wsmv / p): DataLocale, SessionId. */
    public static final String WSMV = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    /** WS-Enumeration (MS-WSMV prefix wsen / n). */
    public static final String WSEN = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    /** WS-Transfer. */
    public static final String WXF = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    /** The WSManFault detail element (MS-WSMV 2.2.4.43). */
    public static final String WSMANFAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/common";

    /** The anonymous reply address (WS-Addressing 2004/08). */
    public static final String ANONYMOUS = WSA + "/role/anonymous";
    /** Prefix of every WMI class resource URI (MS-WSMV 4.1.1): {@code …/wmi/root/default/StdRegProv}. */
    public static final String WMI_BASE = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
    /** WQL filter dialect (MS-WSMV 3.1.4.1.27 / 2.2.4.25). */
    public static final String WQL_DIALECT = "http://schemas.microsoft.com/wbem/wsman/1/WQL";

    public static final String ACTION_ENUMERATE = WSEN + "/Enumerate";
    public static final String ACTION_ENUMERATE_RESPONSE = WSEN + "/EnumerateResponse";
    public static final String ACTION_PULL = WSEN + "/Pull";
    public static final String ACTION_PULL_RESPONSE = WSEN + "/PullResponse";
    public static final String ACTION_RELEASE = WSEN + "/Release";
    public static final String ACTION_FAULT = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";

    static final Set<String> SOAP = Set.of(SOAP12, SOAP11);
    static final Set<String> ADDRESSING = Set.of(WSA, WSA10);
    static final Set<String> MANAGEMENT = Set.of(WSMAN, WSMAN_2005);

    private WsmanNs() {
    }
}
