package io.tlsready.adapters.winrm.wsman;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reply envelopes in the shape Windows sends them (header set and prefixes of the recorded replies in the corpus;
 * Invoke output as MS-WSMV 4.1.4: out-parameters, then ReturnValue; enumeration as MS-WSMV 4.1.2 and 4.6:
 * {@code w:Items}/{@code w:EndOfSequence} in an optimized EnumerateResponse, {@code n:Items}/{@code n:EndOfSequence}
 * in a PullResponse; faults as the recorded {@code w:TimedOut} and MS-WSMV 4.10). For servers: the simulator and
 * the test fakes. A {@code null} value in a parameter or property list is written {@code xsi:nil="true"}.
 *
 * <p>UNCONFIRMED (no public capture): the exact StdRegProv reply and the WQL projection item shape; projections
 * ({@code SELECT a,b FROM …}) are written as {@code <w:XmlFragment>} with unqualified property elements, which
 * is what {@code winrm enumerate} prints for them; full instances as {@code <p:Class xsi:type="p:Class_Type">}.
 */
public final class WsmanResponses {

    private static final String XSI_DECL = " xmlns:xsi=\"" + WsmanNs.XSI + "\"";

    private WsmanResponses() {
    }

    /**
     * Text or attribute content. Characters XML 1.0 cannot carry (registry data may hold ESC and the like) go out as
     * character references, as a naive host would send them; the client's reader gives them back exactly.
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (NonXmlCharacters.forbidden(c)) {
                sb.append("&#x").append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(';');
            } else if (c == '\t' || c == '\n') {
                sb.append("&#").append((int) c).append(';'); // raw, an attribute value would turn them into spaces
            } else {
                sb.append(WsmanMessages.escape(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /** The WMI method reply: {@code <p:<method>_OUTPUT xmlns:p="<classUri>">out… <p:ReturnValue>}. */
    public static String invokeOutput(String relatesTo, String classUri, String method, long returnValue,
            List<Map.Entry<String, String>> outParams) {
        StringBuilder body = new StringBuilder();
        body.append("<p:").append(method).append("_OUTPUT xmlns:p=\"").append(escape(classUri)).append('"')
                .append(XSI_DECL).append('>');
        for (Map.Entry<String, String> p : outParams) {
            element(body, "p:" + p.getKey(), p.getValue());
        }
        body.append("<p:ReturnValue>").append(returnValue).append("</p:ReturnValue>");
        body.append("</p:").append(method).append("_OUTPUT>");
        return envelope(classUri + "/" + method + "Response", relatesTo, body.toString());
    }

    /** A StdRegProv (root\default) reply. */
    public static String stdRegProv(String relatesTo, RegMethod method, long returnValue,
            List<Map.Entry<String, String>> outParams) {
        return invokeOutput(relatesTo, WsmanMessages.STD_REG_PROV, method.wmiName(), returnValue, outParams);
    }

    /**
     * An EnumerateResponse carrying items (OptimizeEnumeration). {@code context} is null when the sequence ended.
     *
     * @param items elements from {@link #instance} or {@link #fragment}
     */
    public static String enumerateResponse(String relatesTo, List<String> items, String context) {
        StringBuilder body = new StringBuilder("<n:EnumerateResponse>");
        body.append("<n:EnumerationContext>").append(context == null ? "" : escape(context))
                .append("</n:EnumerationContext>");
        body.append("<w:Items>");
        items.forEach(body::append);
        body.append("</w:Items>");
        if (context == null) {
            body.append("<w:EndOfSequence/>");
        }
        body.append("</n:EnumerateResponse>");
        return envelope(WsmanNs.ACTION_ENUMERATE_RESPONSE, relatesTo, body.toString());
    }

    /** A PullResponse; {@code context} is null when the sequence ended. */
    public static String pullResponse(String relatesTo, List<String> items, String context) {
        StringBuilder body = new StringBuilder("<n:PullResponse>");
        if (context != null) {
            body.append("<n:EnumerationContext>").append(escape(context)).append("</n:EnumerationContext>");
        }
        body.append("<n:Items>");
        items.forEach(body::append);
        body.append("</n:Items>");
        if (context == null) {
            body.append("<n:EndOfSequence/>");
        }
        body.append("</n:PullResponse>");
        return envelope(WsmanNs.ACTION_PULL_RESPONSE, relatesTo, body.toString());
    }

    /** A full WMI instance of a root\cimv2 class. Repeated names make arrays. */
    public static String instance(String className, List<Map.Entry<String, String>> properties) {
        String uri = WsmanNs.WMI_BASE + "root/cimv2/" + className;
        StringBuilder sb = new StringBuilder();
        sb.append("<p:").append(className).append(" xmlns:p=\"").append(escape(uri)).append('"').append(XSI_DECL)
                .append(" xmlns:cim=\"").append(WsmanNs.CIM).append("\" xsi:type=\"p:").append(className)
                .append("_Type\" xml:lang=\"en-US\">");
        for (Map.Entry<String, String> p : properties) {
            element(sb, "p:" + p.getKey(), p.getValue());
        }
        sb.append("</p:").append(className).append('>');
        return sb.toString();
    }

    /** A WQL projection item: {@code <w:XmlFragment>} with unqualified properties. */
    public static String fragment(List<Map.Entry<String, String>> properties) {
        StringBuilder sb = new StringBuilder("<w:XmlFragment" + XSI_DECL + ">");
        for (Map.Entry<String, String> p : properties) {
            element(sb, p.getKey(), p.getValue());
        }
        return sb.append("</w:XmlFragment>").toString();
    }

    /**
     * A SOAP fault as Windows writes it (HTTP 500).
     *
     * @param code      "Sender" or "Receiver"
     * @param subcode   a QName with prefix w (WS-Man), n (enumeration) or a (addressing), e.g. "w:TimedOut"
     * @param wsmanCode the f:WSManFault Code, or null for none
     */
    public static String fault(String relatesTo, String code, String subcode, String reason, Long wsmanCode,
            String machine) {
        String text = escape(reason);
        StringBuilder body = new StringBuilder("<s:Fault><s:Code><s:Value>s:").append(code).append("</s:Value>");
        if (subcode != null) {
            body.append("<s:Subcode><s:Value>").append(escape(subcode)).append("</s:Value></s:Subcode>");
        }
        body.append("</s:Code><s:Reason><s:Text xml:lang=\"en-US\">").append(text).append("</s:Text></s:Reason>");
        if (wsmanCode != null) {
            body.append("<s:Detail><f:WSManFault xmlns:f=\"").append(WsmanNs.WSMANFAULT).append("\" Code=\"")
                    .append(wsmanCode).append("\" Machine=\"").append(escape(machine)).append("\"><f:Message>")
                    .append(text).append("</f:Message></f:WSManFault></s:Detail>");
        }
        body.append("</s:Fault>");
        return envelope(WsmanNs.ACTION_FAULT, relatesTo, body.toString());
    }

    /** w:TimedOut, Code 2150858793, as recorded from Windows Server 2022. */
    public static String timedOut(String relatesTo, String machine) {
        return fault(relatesTo, "Receiver", "w:TimedOut", "The WS-Management service cannot complete the operation"
                + " within the time specified in OperationTimeout.  ", 2150858793L, machine);
    }

    /** w:AccessDenied, Code 5. */
    public static String accessDenied(String relatesTo, String machine) {
        return fault(relatesTo, "Sender", "w:AccessDenied", "Access is denied. ", 5L, machine);
    }

    /** w:DestinationUnreachable, Code 2150858752: the resource URI (WMI class or namespace) does not exist. */
    public static String resourceNotFound(String relatesTo, String machine) {
        return fault(relatesTo, "Sender", "w:DestinationUnreachable", "The WS-Management service cannot process the"
                + " request. The service cannot find the resource identified by the resource URI and selectors. ",
                2150858752L, machine);
    }

    /** n:CannotProcessFilter, Code 2150858778 (WQL naming a class that is not in the namespace). */
    public static String cannotProcessFilter(String relatesTo, String machine) {
        return fault(relatesTo, "Sender", "n:CannotProcessFilter", "The data source could not process the filter."
                + " The filter might be missing or it might be invalid. Change the filter and try the request again. ",
                2150858778L, machine);
    }

    /** The Windows reply envelope around a body. */
    public static String envelope(String action, String relatesTo, String body) {
        return "<s:Envelope xml:lang=\"en-US\" xmlns:s=\"" + WsmanNs.SOAP12 + "\" xmlns:a=\"" + WsmanNs.WSA
                + "\" xmlns:x=\"" + WsmanNs.WXF + "\" xmlns:e=\"http://schemas.xmlsoap.org/ws/2004/08/eventing\""
                + " xmlns:n=\"" + WsmanNs.WSEN + "\" xmlns:w=\"" + WsmanNs.WSMAN + "\" xmlns:p=\"" + WsmanNs.WSMV
                + "\"><s:Header><a:Action>" + escape(action) + "</a:Action><a:MessageID>uuid:"
                + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "</a:MessageID><a:To>" + WsmanNs.ANONYMOUS
                + "</a:To>" + (relatesTo == null || relatesTo.isEmpty() ? ""
                        : "<a:RelatesTo>" + escape(relatesTo) + "</a:RelatesTo>")
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static void element(StringBuilder sb, String qname, String value) {
        if (value == null) {
            sb.append('<').append(qname).append(" xsi:nil=\"true\"/>");
        } else {
            sb.append('<').append(qname).append('>').append(escape(value)).append("</").append(qname).append('>');
        }
    }
}
