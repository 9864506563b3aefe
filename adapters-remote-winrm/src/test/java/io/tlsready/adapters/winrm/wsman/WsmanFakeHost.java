package io.tlsready.adapters.winrm.wsman;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory Windows host behind {@link WsmanTransport}: it parses every request envelope with the production
 * parser ({@link WsmanRequest}), checks the header set, and answers StdRegProv and WQL from maps with replies
 * built by {@link WsmanResponses} (the shapes Windows uses). Registry semantics follow StdRegProv: EnumValues
 * 0/2/5, Get*Value 1 for a missing value, 0x80041005 for the wrong getter. GetStringValue returns a REG_EXPAND_SZ
 * unexpanded unless {@link #strictStringTypes()} makes it refuse the type (UNCONFIRMED which one Windows does;
 * the client handles both).
 */
final class WsmanFakeHost implements WsmanTransport {

    static final String ENDPOINT = "https://fake-host:5986/wsman";
    private static final Pattern WQL = Pattern.compile("(?i)\\s*SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)\\s*");

    /** Keys by upper-case physical path; values by name, case-insensitive, in insertion order of names. */
    private final Map<String, TreeMap<String, RegValue>> keys = new LinkedHashMap<>();
    private final List<String> deniedKeys = new ArrayList<>();
    private final List<String> coveredRoots = new ArrayList<>();
    private final Map<String, List<Map<String, String>>> classes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<String>> pending = new LinkedHashMap<>();
    private final List<WsmanRequest> requests = new ArrayList<>();
    private BiFunction<WsmanRequest, String, String> faults = (r, id) -> null;
    private int pageSize = 32_000;
    private boolean fullInstances;
    private boolean strictStrings;
    private int contexts;

    WsmanFakeHost value(String physicalKey, String name, RegValue value) {
        keys.computeIfAbsent(upper(physicalKey), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).put(name, value);
        return this;
    }

    WsmanFakeHost key(String physicalKey) {
        keys.computeIfAbsent(upper(physicalKey), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        return this;
    }

    /** EnumValues on this key (and below) returns 5. */
    WsmanFakeHost denied(String physicalKey) {
        deniedKeys.add(upper(physicalKey));
        return this;
    }

    /** Only keys under these roots are readable; everything else is access denied (contract "not covered"). */
    WsmanFakeHost readableOnlyUnder(String physicalKey) {
        coveredRoots.add(upper(physicalKey));
        return this;
    }

    WsmanFakeHost instance(String className, Map<String, String> properties) {
        classes.computeIfAbsent(className, c -> new ArrayList<>()).add(new LinkedHashMap<>(properties));
        return this;
    }

    /** An empty class (exists, no instances). */
    WsmanFakeHost emptyClass(String className) {
        classes.computeIfAbsent(className, c -> new ArrayList<>());
        return this;
    }

    WsmanFakeHost pageSize(int n) {
        pageSize = n;
        return this;
    }

    /** Answer with full {@code <p:Class>} instances instead of {@code <w:XmlFragment>} projections. */
    WsmanFakeHost fullInstances() {
        fullInstances = true;
        return this;
    }

    /** GetStringValue answers type mismatch for REG_EXPAND_SZ. */
    WsmanFakeHost strictStringTypes() {
        strictStrings = true;
        return this;
    }

    /** Injects a fault: return a reply envelope for the request (given its MessageID), or null to proceed. */
    WsmanFakeHost faults(BiFunction<WsmanRequest, String, String> injector) {
        faults = injector;
        return this;
    }

    List<WsmanRequest> requests() {
        return requests;
    }

    @Override
    public Reply exchange(byte[] envelope) {
        WsmanRequest req = WsmanRequest.parse(envelope);
        requests.add(req);
        String id = req.messageId();
        checkHeaders(req);
        String injected = faults.apply(req, id);
        if (injected != null) {
            return reply(injected);
        }
        String action = req.action();
        if (action.startsWith(WsmanMessages.STD_REG_PROV + "/")) {
            return reply(stdRegProv(req, id, action.substring(WsmanMessages.STD_REG_PROV.length() + 1)));
        }
        if (action.equals(WsmanNs.ACTION_ENUMERATE)) {
            return reply(enumerate(req, id));
        }
        if (action.equals(WsmanNs.ACTION_PULL)) {
            return reply(pull(req, id));
        }
        return reply(WsmanResponses.fault(id, "Sender", "a:ActionNotSupported", "unsupported action " + action,
                null, "fake"));
    }

    private static void checkHeaders(WsmanRequest req) {
        Envelope env = req.envelope();
        require(env.soapNamespace().equals(WsmanNs.SOAP12), "SOAP 1.2");
        require(req.to().equals(ENDPOINT), "To = endpoint");
        require(env.header().child("ReplyTo").flatMap(r -> r.child("Address")).map(XmlElement::trimmedText)
                .filter(WsmanNs.ANONYMOUS::equals).isPresent(), "ReplyTo anonymous");
        require(req.messageId().matches("uuid:[0-9A-F-]{36}"), "MessageID uuid");
        require(req.maxEnvelopeSize().isPresent(), "MaxEnvelopeSize");
        require(env.header().child("MaxEnvelopeSize").flatMap(e -> e.attribute("mustUnderstand"))
                .filter("true"::equals).isPresent(), "MaxEnvelopeSize mustUnderstand");
        require(req.operationTimeout().filter(t -> t.matches("PT\\d+(\\.\\d+)?S")).isPresent(), "OperationTimeout");
        require(env.header().child("Locale").flatMap(e -> e.attribute("mustUnderstand"))
                .filter("false"::equals).isPresent(), "Locale mustUnderstand=false");
        require(env.header().child("DataLocale").filter(e -> e.namespace().equals(WsmanNs.WSMV)).isPresent(),
                "DataLocale");
        require(!req.resourceUri().isEmpty(), "ResourceURI");
        require(req.selectors().isEmpty(), "no SelectorSet");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("request lacks " + what);
        }
    }

    private String stdRegProv(WsmanRequest req, String id, String methodName) {
        require(req.resourceUri().equals(WsmanMessages.STD_REG_PROV), "StdRegProv ResourceURI");
        require(req.invokeMethod().filter(methodName::equals).isPresent(), "body " + methodName + "_INPUT");
        RegMethod method = RegMethod.byWmiName(methodName).orElseThrow();
        Map<String, String> in = req.invokeParams();
        require(String.valueOf(WsmanMessages.HKLM).equals(in.get("hDefKey")), "hDefKey HKLM");
        String key = "HKLM\\" + in.get("sSubKeyName");
        if (isDenied(key)) {
            return WsmanResponses.stdRegProv(id, method, WmiRegistry.ACCESS_DENIED, List.of());
        }
        TreeMap<String, RegValue> values = keys.get(upper(key));
        if (values == null) {
            return WsmanResponses.stdRegProv(id, method, WmiRegistry.KEY_NOT_FOUND, List.of());
        }
        if (method == RegMethod.ENUM_VALUES) {
            List<Map.Entry<String, String>> out = new ArrayList<>();
            boolean onlyDefault = values.size() == 1 && values.containsKey("");
            if (!values.isEmpty() && !onlyDefault) {
                values.forEach((n, v) -> out.add(Map.entry("sNames", n)));
                values.forEach((n, v) -> out.add(Map.entry("Types", String.valueOf(typeCode(v)))));
            } else {
                // MOF: "sNames … Returns null if only the default value is available".
                out.add(nil("sNames"));
                out.add(nil("Types"));
            }
            return WsmanResponses.stdRegProv(id, method, 0, out);
        }
        if (method == RegMethod.ENUM_KEY) {
            List<Map.Entry<String, String>> out = new ArrayList<>();
            String prefix = upper(key) + "\\";
            keys.keySet().stream().filter(k -> k.startsWith(prefix) && !k.substring(prefix.length()).contains("\\"))
                    .forEach(k -> out.add(Map.entry("sNames", k.substring(prefix.length()))));
            return WsmanResponses.stdRegProv(id, method, 0, out);
        }
        require(in.containsKey("sValueName"), "sValueName");
        RegValue v = values.get(in.get("sValueName"));
        if (v == null) {
            return WsmanResponses.stdRegProv(id, method, WmiRegistry.VALUE_NOT_FOUND, List.of());
        }
        List<Map.Entry<String, String>> out = getter(method, v);
        if (out == null) {
            return WsmanResponses.stdRegProv(id, method, WmiRegistry.TYPE_MISMATCH, List.of());
        }
        return WsmanResponses.stdRegProv(id, method, 0, out);
    }

    private List<Map.Entry<String, String>> getter(RegMethod method, RegValue v) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        switch (method) {
            case GET_DWORD:
                if (!(v instanceof RegValue.Dword d)) {
                    return null;
                }
                out.add(Map.entry("uValue", Long.toString(d.value())));
                return out;
            case GET_QWORD:
                if (!(v instanceof RegValue.Qword q)) {
                    return null;
                }
                out.add(Map.entry("uValue", Long.toUnsignedString(q.value())));
                return out;
            case GET_STRING:
                if (!(v instanceof RegValue.Str s) || s.expand() && strictStrings) {
                    return null;
                }
                out.add(Map.entry("sValue", s.value()));
                return out;
            case GET_EXPANDED_STRING:
                if (!(v instanceof RegValue.Str s)) {
                    return null;
                }
                out.add(Map.entry("sValue", s.value().replace("%SystemRoot%", "C:\\Windows")));
                return out;
            case GET_MULTI_STRING:
                if (!(v instanceof RegValue.MultiStr m)) {
                    return null;
                }
                if (m.values().isEmpty()) {
                    out.add(nil("sValue"));
                }
                m.values().forEach(s -> out.add(Map.entry("sValue", s)));
                return out;
            case GET_BINARY:
                if (!(v instanceof RegValue.Raw r)) {
                    return null;
                }
                for (byte b : r.data()) {
                    out.add(Map.entry("uValue", Integer.toString(b & 0xFF)));
                }
                return out;
            default:
                return null;
        }
    }

    private static int typeCode(RegValue v) {
        if (v instanceof RegValue.Dword) {
            return 4;
        }
        if (v instanceof RegValue.Qword) {
            return 11;
        }
        if (v instanceof RegValue.Str s) {
            return s.expand() ? 2 : 1;
        }
        if (v instanceof RegValue.MultiStr) {
            return 7;
        }
        return ((RegValue.Raw) v).type();
    }

    private String enumerate(WsmanRequest req, String id) {
        require(req.resourceUri().equals(WsmanMessages.CIMV2_WQL), "WQL ResourceURI root/cimv2/*");
        require(req.optimizeEnumeration(), "OptimizeEnumeration");
        require(req.maxElements().isPresent(), "MaxElements");
        XmlElement filter = req.filter().orElseThrow(() -> new AssertionError("no Filter"));
        require(filter.attribute("Dialect").filter(WsmanNs.WQL_DIALECT::equals).isPresent(), "WQL dialect");
        Matcher m = WQL.matcher(filter.trimmedText());
        require(m.matches(), "a SELECT … FROM … query");
        List<Map<String, String>> rows = classes.get(m.group(2));
        if (rows == null) {
            return WsmanResponses.cannotProcessFilter(id, "fake");
        }
        List<String> props = m.group(1).trim().equals("*") ? null : List.of(m.group(1).split("\\s*,\\s*"));
        List<String> items = new ArrayList<>();
        for (Map<String, String> row : rows) {
            List<Map.Entry<String, String>> p = new ArrayList<>();
            row.forEach((k, v) -> {
                if (props == null || props.stream().anyMatch(k::equalsIgnoreCase)) {
                    p.add(new java.util.AbstractMap.SimpleEntry<>(k, v));
                }
            });
            items.add(fullInstances ? WsmanResponses.instance(m.group(2), p) : WsmanResponses.fragment(p));
        }
        int batch = (int) Math.min(pageSize, req.maxElements().getAsLong());
        if (items.size() <= batch) {
            return WsmanResponses.enumerateResponse(id, items, null);
        }
        String ctx = "uuid:CTX-" + (++contexts);
        pending.put(ctx, new ArrayList<>(items.subList(batch, items.size())));
        return WsmanResponses.enumerateResponse(id, items.subList(0, batch), ctx);
    }

    private String pull(WsmanRequest req, String id) {
        String ctx = req.enumerationContext().orElseThrow(() -> new AssertionError("Pull without context"));
        List<String> rest = pending.remove(ctx);
        if (rest == null) {
            return WsmanResponses.fault(id, "Sender", "n:InvalidEnumerationContext", "bad context", null, "fake");
        }
        int batch = (int) Math.min(pageSize, req.maxElements().orElse(1));
        if (rest.size() <= batch) {
            return WsmanResponses.pullResponse(id, rest, null);
        }
        String next = "uuid:CTX-" + (++contexts);
        pending.put(next, new ArrayList<>(rest.subList(batch, rest.size())));
        return WsmanResponses.pullResponse(id, rest.subList(0, batch), next);
    }

    private boolean isDenied(String key) {
        String k = upper(key);
        if (deniedKeys.stream().anyMatch(d -> RegistryPaths.startsWithKey(k, d))) {
            return true;
        }
        return !coveredRoots.isEmpty() && coveredRoots.stream().noneMatch(c -> RegistryPaths.startsWithKey(k, c));
    }

    private static Map.Entry<String, String> nil(String name) {
        return new java.util.AbstractMap.SimpleEntry<>(name, null);
    }

    private static Reply reply(String xml) {
        boolean fault = xml.contains("<s:Fault>");
        return new Reply(fault ? 500 : 200, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String upper(String key) {
        return RegistryPaths.normalize(key).toUpperCase(Locale.ROOT);
    }

    @Override
    public String endpoint() {
        return ENDPOINT;
    }

    @Override
    public void close() {
    }
}
