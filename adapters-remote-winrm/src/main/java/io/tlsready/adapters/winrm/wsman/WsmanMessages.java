package io.tlsready.adapters.winrm.wsman;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds the request envelopes the client sends: the common header set of MS-WSMV 2.2.4 / winrm-notes §1.0
 * (To, ReplyTo anonymous, Action, MessageID, ResourceURI, MaxEnvelopeSize mustUnderstand, OperationTimeout,
 * Locale and DataLocale mustUnderstand="false") and the bodies of WMI Invoke (MS-WSMV 3.1.4.1.32, 4.1.4) and
 * WQL Enumerate/Pull (MS-WSMV 3.1.4.1.27, 3.1.4.1.16, 4.1.2). Every text and attribute value is XML-escaped.
 */
public final class WsmanMessages {

    /** StdRegProv in root\default (present on every Windows since 2000; also in root\cimv2 since Vista). */
    public static final String STD_REG_PROV = WsmanNs.WMI_BASE + "root/default/StdRegProv";
    /** The WQL enumeration resource for root\cimv2: class {@code *}, no selectors (0x803380FB otherwise). */
    public static final String CIMV2_WQL = WsmanNs.WMI_BASE + "root/cimv2/*";
    /** hDefKey for HKEY_LOCAL_MACHINE (0x80000002). */
    public static final long HKLM = 2147483650L;

    private static final Map<String, Long> HIVES = Map.of(
            "HKCR", 2147483648L, "HKCU", 2147483649L, "HKLM", HKLM, "HKU", 2147483651L, "HKCC", 2147483653L);

    private final String to;
    private final WsmanOptions options;
    private final Supplier<UUID> ids;

    public WsmanMessages(String to, WsmanOptions options) {
        this(to, options, UUID::randomUUID);
    }

    /** @param ids message ID source (tests pass a fixed one) */
    public WsmanMessages(String to, WsmanOptions options, Supplier<UUID> ids) {
        this.to = Objects.requireNonNull(to, "to");
        this.options = Objects.requireNonNull(options, "options");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public WsmanOptions options() {
        return options;
    }

    /** The hDefKey constant for a root ({@code HKLM}, {@code HKEY_LOCAL_MACHINE}, …), if it is one. */
    public static java.util.Optional<Long> hive(String root) {
        return java.util.Optional.ofNullable(HIVES.get(io.tlsready.domain.facts.RegistryPaths.shortRoot(root)));
    }

    /**
     * A WMI method Invoke: Action {@code <classUri>/<method>}, body {@code <p:<method>_INPUT xmlns:p="<classUri>">}
     * with the in-parameters in order (MS-WSMV 4.1.4). Static methods take no SelectorSet.
     */
    public String invoke(String classUri, String method, List<Map.Entry<String, String>> inParams) {
        requireName(method);
        StringBuilder body = new StringBuilder();
        body.append("<p:").append(method).append("_INPUT xmlns:p=\"").append(escape(classUri)).append("\">");
        for (Map.Entry<String, String> p : inParams) {
            requireName(p.getKey());
            body.append("<p:").append(p.getKey()).append('>').append(escape(p.getValue()))
                    .append("</p:").append(p.getKey()).append('>');
        }
        body.append("</p:").append(method).append("_INPUT>");
        return envelope(classUri + "/" + method, classUri, body.toString());
    }

    /**
     * A StdRegProv call on {@code key} ({@code HKLM\SOFTWARE\…}, the physical path: 32-bit values are read through
     * their explicit {@code WOW6432Node} path, never via {@code __ProviderArchitecture} — winrm-notes §0.2).
     */
    public String stdRegProv(RegMethod method, String key, String valueName) {
        return stdRegProv(method, key, valueName, List.of());
    }

    /**
     * A StdRegProv call with in-parameters after {@code sValueName}: a setter's {@code uValue} or {@code sValue}
     * (an array is the same name repeated, one element per item, in order; an empty array is no element).
     */
    public String stdRegProv(RegMethod method, String key, String valueName, List<Map.Entry<String, String>> data) {
        String normal = io.tlsready.domain.facts.RegistryPaths.normalize(key);
        int cut = normal.indexOf('\\');
        String root = cut < 0 ? normal : normal.substring(0, cut);
        String subKey = cut < 0 ? "" : normal.substring(cut + 1);
        long hive = hive(root).orElseThrow(() -> new IllegalArgumentException("not a registry root: " + root));
        List<Map.Entry<String, String>> params = new java.util.ArrayList<>();
        params.add(Map.entry("hDefKey", Long.toString(hive)));
        params.add(Map.entry("sSubKeyName", subKey));
        if (method.takesValueName()) {
            params.add(Map.entry("sValueName", Objects.requireNonNull(valueName, "valueName")));
        }
        params.addAll(data);
        return invoke(STD_REG_PROV, method.wmiName(), params);
    }

    /**
     * A WQL Enumerate with OptimizeEnumeration and MaxElements, so that small results come back in the
     * EnumerateResponse itself (MS-WSMV 3.1.4.1.16; DSP0226 8.2.3).
     */
    public String wqlEnumerate(String wql) {
        String body = "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>" + options.maxElements()
                + "</w:MaxElements><w:Filter Dialect=\"" + WsmanNs.WQL_DIALECT + "\">" + escape(wql)
                + "</w:Filter></n:Enumerate>";
        return envelope(WsmanNs.ACTION_ENUMERATE, CIMV2_WQL, body);
    }

    /** A Pull continuing an enumeration (MS-WSMV 4.1.2.3). */
    public String pull(String resourceUri, String context) {
        String body = "<n:Pull><n:EnumerationContext>" + escape(context) + "</n:EnumerationContext><n:MaxElements>"
                + options.maxElements() + "</n:MaxElements></n:Pull>";
        return envelope(WsmanNs.ACTION_PULL, resourceUri, body);
    }

    /** A Release of an unfinished enumeration (DSP0226 8.5). */
    public String release(String resourceUri, String context) {
        String body = "<n:Release><n:EnumerationContext>" + escape(context) + "</n:EnumerationContext></n:Release>";
        return envelope(WsmanNs.ACTION_RELEASE, resourceUri, body);
    }

    private String envelope(String action, String resourceUri, String body) {
        String lang = escape(options.locale());
        return "<s:Envelope xmlns:s=\"" + WsmanNs.SOAP12 + "\" xmlns:a=\"" + WsmanNs.WSA + "\" xmlns:w=\""
                + WsmanNs.WSMAN + "\" xmlns:wsmv=\"" + WsmanNs.WSMV + "\" xmlns:n=\"" + WsmanNs.WSEN + "\">"
                + "<s:Header>"
                + "<a:To>" + escape(to) + "</a:To>"
                + "<a:ReplyTo><a:Address s:mustUnderstand=\"true\">" + WsmanNs.ANONYMOUS + "</a:Address></a:ReplyTo>"
                + "<a:Action s:mustUnderstand=\"true\">" + escape(action) + "</a:Action>"
                + "<w:MaxEnvelopeSize s:mustUnderstand=\"true\">" + options.maxEnvelopeSize() + "</w:MaxEnvelopeSize>"
                + "<a:MessageID>uuid:" + ids.get().toString().toUpperCase(Locale.ROOT) + "</a:MessageID>"
                + "<w:Locale xml:lang=\"" + lang + "\" s:mustUnderstand=\"false\"/>"
                + "<wsmv:DataLocale xml:lang=\"" + lang + "\" s:mustUnderstand=\"false\"/>"
                + "<w:OperationTimeout>" + options.operationTimeoutText() + "</w:OperationTimeout>"
                + "<w:ResourceURI s:mustUnderstand=\"true\">" + escape(resourceUri) + "</w:ResourceURI>"
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** XML 1.0 text/attribute escaping; characters XML 1.0 cannot carry at all are refused. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException(String.format(
                                "character U+%04X cannot be sent in XML 1.0", (int) c));
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static void requireName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a WMI name: " + name);
        }
    }
}
