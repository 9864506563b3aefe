package io.tlsready.sim;

import io.tlsready.adapters.winrm.wsman.RegMethod;
import io.tlsready.adapters.winrm.wsman.WsmanMessages;
import io.tlsready.adapters.winrm.wsman.WsmanNs;
import io.tlsready.adapters.winrm.wsman.WsmanRequest;
import io.tlsready.adapters.winrm.wsman.WsmanResponses;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.XmlElement;
import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.SystemInfo;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers WS-Management requests for one simulated host from its facts: StdRegProv Invoke (root\default or
 * root\cimv2: EnumKey, EnumValues, Get{DWORD,QWORD,String,ExpandedString,MultiString,Binary}Value) over a
 * {@link SimulatedRegistry}, and Enumerate / Pull / Release of {@code Win32_OperatingSystem} and
 * {@code Win32_QuickFixEngineering} (WQL through {@code root/cimv2/*} or the class URI). Replies are built by
 * {@link WsmanResponses}, i.e. in the shapes Windows uses. Thread-safe (one host may have several connections).
 *
 * <p>WMI classes: Win32_OperatingSystem comes from the SystemInfo fact (Caption, Version, BuildNumber,
 * ProductType, OSArchitecture, ServicePackMajorVersion, CSDVersion, CSName), Win32_QuickFixEngineering from the
 * InstalledUpdates fact (one instance per KB). When the evidence lacks the fact, the query fails as a WMI provider
 * failure does on Windows (w:InternalError, WBEM_E_FAILED), so a client reports it NOT_COLLECTED; other classes get
 * n:CannotProcessFilter, as Windows answers a WQL query naming a class that is not in the namespace.
 */
public final class WmiResponder {

    /** StdRegProv return codes. */
    static final long OK = 0;
    static final long VALUE_NOT_FOUND = 1;
    static final long KEY_NOT_FOUND = 2;
    static final long ACCESS_DENIED = 5;
    static final long TYPE_MISMATCH = 0x80041005L;

    private static final String CIMV2 = WsmanNs.WMI_BASE + "root/cimv2/";
    private static final String CIMV2_STD_REG_PROV = CIMV2 + "StdRegProv";
    private static final String OS_CLASS = "Win32_OperatingSystem";
    private static final String QFE_CLASS = "Win32_QuickFixEngineering";
    private static final Pattern WQL = Pattern.compile(
            "(?is)\\s*SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)(?:\\s+WHERE\\s+(\\w+)\\s*=\\s*['\"]([^'\"]*)['\"])?\\s*");
    private static final int DEFAULT_BATCH = 32_000;
    private static final int MAX_OPEN_ENUMERATIONS = 64;
    /** Windows refuses a MaxEnvelopeSize below 8192 with w:EncodingLimit (MS-WSMV 3.1.4.1.7). */
    private static final long MIN_ENVELOPE = 8192;

    /** A reply: HTTP status and SOAP envelope. */
    public record Answer(int status, String xml) {
    }

    private final String machine;
    private final SimulatedRegistry registry;
    private final Fact<SystemInfo> systemInfo;
    private final Fact<InstalledUpdates> updates;
    private final Map<String, List<String>> openEnumerations = new LinkedHashMap<>();
    private final AtomicLong contexts = new AtomicLong();

    public WmiResponder(String machine, HostFacts facts) {
        this.machine = machine;
        this.registry = new SimulatedRegistry(facts.values(), facts.keys());
        this.systemInfo = facts.systemInfo();
        this.updates = facts.updates();
    }

    /** Answers one plaintext SOAP request. */
    public Answer answer(byte[] soap) {
        WsmanRequest req;
        try {
            req = WsmanRequest.parse(soap);
        } catch (WsmanTransportException e) {
            return new Answer(400, WsmanResponses.fault(null, "Sender", "w:SchemaValidationError",
                    "The SOAP XML in the message does not match the corresponding XML schema definition. ",
                    2150858817L, machine));
        }
        String id = req.messageId();
        OptionalLong max = req.maxEnvelopeSize();
        if (max.isPresent() && max.getAsLong() < MIN_ENVELOPE) {
            return fault(WsmanResponses.fault(id, "Sender", "w:EncodingLimit", "The WS-Management service cannot"
                    + " process the request because the MaxEnvelopeSize is less than 8192. ", null, machine));
        }
        Answer answer = dispatch(req, id);
        if (answer.status() == 200 && max.isPresent() && answer.xml().length() > max.getAsLong()) {
            return fault(WsmanResponses.fault(id, "Receiver", "w:EncodingLimit", "The response that the"
                    + " WS-Management service computed exceeds the maximum envelope size in the request. ", null,
                    machine));
        }
        return answer;
    }

    private Answer dispatch(WsmanRequest req, String id) {
        String action = req.action();
        for (String classUri : new String[] {WsmanMessages.STD_REG_PROV, CIMV2_STD_REG_PROV}) {
            if (action.startsWith(classUri + "/")) {
                return stdRegProv(req, id, classUri, action.substring(classUri.length() + 1));
            }
        }
        if (action.equals(WsmanNs.ACTION_ENUMERATE)) {
            return enumerate(req, id);
        }
        if (action.equals(WsmanNs.ACTION_PULL)) {
            return pull(req, id);
        }
        if (action.equals(WsmanNs.ACTION_RELEASE)) {
            req.enumerationContext().ifPresent(this::forget);
            return ok(WsmanResponses.envelope(WsmanNs.WSEN + "/ReleaseResponse", id, ""));
        }
        return fault(WsmanResponses.fault(id, "Sender", "a:ActionNotSupported", "The action is not supported by"
                + " the service. ", 2150858771L, machine));
    }

    // --- StdRegProv -------------------------------------------------------------------------------------

    private Answer stdRegProv(WsmanRequest req, String id, String classUri, String methodName) {
        Optional<RegMethod> method = RegMethod.byWmiName(methodName);
        if (method.isEmpty() || !req.resourceUri().equalsIgnoreCase(classUri)) {
            return fault(WsmanResponses.fault(id, "Sender", "w:DestinationUnreachable", "The WS-Management service"
                    + " cannot process the request. The WMI method " + methodName + " does not exist. ",
                    2150858752L, machine));
        }
        Map<String, String> in = req.invokeParams();
        String hive = in.getOrDefault("hDefKey", String.valueOf(WsmanMessages.HKLM));
        String sub = Optional.ofNullable(in.get("sSubKeyName")).orElse("").strip();
        RegMethod m = method.get();
        if (!String.valueOf(WsmanMessages.HKLM).equals(hive == null ? "" : hive.strip())) {
            return reg(id, classUri, m, KEY_NOT_FOUND, List.of());
        }
        String path = sub.isEmpty() ? "HKLM" : "HKLM\\" + sub;
        Optional<SimulatedRegistry.Key> found = registry.key(path);
        if (found.isEmpty()) {
            return reg(id, classUri, m, KEY_NOT_FOUND, List.of());
        }
        SimulatedRegistry.Key key = found.get();
        if (key.denied()) {
            return reg(id, classUri, m, ACCESS_DENIED, List.of());
        }
        switch (m) {
            case ENUM_KEY: {
                List<Map.Entry<String, String>> out = new ArrayList<>();
                registry.subkeys(path).forEach(n -> out.add(entry("sNames", n)));
                return reg(id, classUri, m, OK, out);
            }
            case ENUM_VALUES:
                return reg(id, classUri, m, OK, enumValues(key));
            default:
                break;
        }
        String name = Optional.ofNullable(in.get("sValueName")).orElse("");
        if (key.uncollected(name)) {
            return reg(id, classUri, m, ACCESS_DENIED, List.of());
        }
        RegValue value = key.values().get(name);
        if (value == null) {
            return reg(id, classUri, m, VALUE_NOT_FOUND, List.of());
        }
        List<Map.Entry<String, String>> out = getter(m, value);
        return out == null ? reg(id, classUri, m, TYPE_MISMATCH, List.of()) : reg(id, classUri, m, OK, out);
    }

    private static List<Map.Entry<String, String>> enumValues(SimulatedRegistry.Key key) {
        List<String> names = key.names();
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (names.isEmpty() || names.size() == 1 && names.get(0).isEmpty()) {
            // MOF: "sNames … Returns null if only the default value is available".
            out.add(entry("sNames", null));
            out.add(entry("Types", null));
            return out;
        }
        names.forEach(n -> out.add(entry("sNames", n)));
        for (String n : names) {
            RegValue v = key.values().get(n);
            out.add(entry("Types", String.valueOf(v == null ? 1 : typeCode(v))));
        }
        return out;
    }

    /** Out-parameters of a getter, or null for a type mismatch (0x80041005). */
    private static List<Map.Entry<String, String>> getter(RegMethod method, RegValue v) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        switch (method) {
            case GET_DWORD:
                if (v instanceof RegValue.Dword d) {
                    out.add(entry("uValue", Long.toString(d.value())));
                    return out;
                }
                return null;
            case GET_QWORD:
                if (v instanceof RegValue.Qword q) {
                    out.add(entry("uValue", Long.toUnsignedString(q.value())));
                    return out;
                }
                return null;
            case GET_STRING:
                // REG_EXPAND_SZ comes back unexpanded, as every offline source shows it (UNCONFIRMED on Windows).
                if (v instanceof RegValue.Str s) {
                    out.add(entry("sValue", s.value()));
                    return out;
                }
                return null;
            case GET_EXPANDED_STRING:
                if (v instanceof RegValue.Str s) {
                    out.add(entry("sValue", expand(s.value())));
                    return out;
                }
                return null;
            case GET_MULTI_STRING:
                if (v instanceof RegValue.MultiStr ms) {
                    if (ms.values().isEmpty()) {
                        out.add(entry("sValue", null));
                    }
                    ms.values().forEach(s -> out.add(entry("sValue", s)));
                    return out;
                }
                return null;
            case GET_BINARY:
                if (v instanceof RegValue.Raw r) {
                    for (byte b : r.data()) {
                        out.add(entry("uValue", Integer.toString(b & 0xFF)));
                    }
                    return out;
                }
                return null;
            default:
                return null;
        }
    }

    private static String expand(String text) {
        return text.replaceAll("(?i)%SystemRoot%|%windir%", "C:\\\\Windows")
                .replaceAll("(?i)%ProgramFiles%", "C:\\\\Program Files")
                .replaceAll("(?i)%SystemDrive%", "C:");
    }

    static int typeCode(RegValue v) {
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

    private Answer reg(String id, String classUri, RegMethod method, long rv, List<Map.Entry<String, String>> out) {
        return ok(WsmanResponses.invokeOutput(id, classUri, method.wmiName(), rv, out));
    }

    // --- WQL enumeration ----------------------------------------------------------------------------------

    private Answer enumerate(WsmanRequest req, String id) {
        String uri = req.resourceUri();
        Optional<XmlElement> filter = req.filter();
        String className;
        List<String> props = null;
        String whereProp = null;
        String whereValue = null;
        if (filter.isPresent()) {
            if (!filter.get().attribute("Dialect").map(WsmanNs.WQL_DIALECT::equalsIgnoreCase).orElse(false)) {
                return fault(WsmanResponses.fault(id, "Sender", "w:FilterDialectRequestedUnavailable",
                        "The requested filtering dialect is not supported. ", 2150858804L, machine));
            }
            Matcher m = WQL.matcher(filter.get().trimmedText());
            if (!m.matches() || !uri.equalsIgnoreCase(WsmanMessages.CIMV2_WQL)) {
                return fault(WsmanResponses.cannotProcessFilter(id, machine));
            }
            className = m.group(2);
            props = m.group(1).strip().equals("*") ? null : List.of(m.group(1).strip().split("\\s*,\\s*"));
            whereProp = m.group(3);
            whereValue = m.group(4);
        } else if (uri.regionMatches(true, 0, CIMV2, 0, CIMV2.length()) && !uri.endsWith("*")) {
            className = uri.substring(CIMV2.length());
        } else {
            return fault(WsmanResponses.resourceNotFound(id, machine));
        }
        if (!className.equalsIgnoreCase(OS_CLASS) && !className.equalsIgnoreCase(QFE_CLASS)) {
            return fault(filter.isPresent() ? WsmanResponses.cannotProcessFilter(id, machine)
                    : WsmanResponses.resourceNotFound(id, machine));
        }
        Optional<List<Map<String, String>>> rows = rows(className);
        if (rows.isEmpty()) {
            return fault(WsmanResponses.fault(id, "Receiver", "w:InternalError", "The WS-Management service cannot"
                    + " process the request. The WMI provider returned an error: Generic failure ", 2147749889L,
                    machine));
        }
        String canonical = className.equalsIgnoreCase(OS_CLASS) ? OS_CLASS : QFE_CLASS;
        List<String> items = new ArrayList<>();
        for (Map<String, String> row : rows.get()) {
            if (whereProp != null && !whereValue.equalsIgnoreCase(lookup(row, whereProp))) {
                continue;
            }
            List<Map.Entry<String, String>> p = new ArrayList<>();
            for (Map.Entry<String, String> e : row.entrySet()) {
                if (props == null || props.stream().anyMatch(e.getKey()::equalsIgnoreCase)) {
                    p.add(entry(e.getKey(), e.getValue()));
                }
            }
            items.add(props == null ? WsmanResponses.instance(canonical, p) : WsmanResponses.fragment(p));
        }
        int batch = batch(req.maxElements());
        if (!req.optimizeEnumeration()) {
            String ctx = remember(items);
            return ok(WsmanResponses.envelope(WsmanNs.ACTION_ENUMERATE_RESPONSE, id,
                    "<n:EnumerateResponse><n:EnumerationContext>" + ctx
                            + "</n:EnumerationContext></n:EnumerateResponse>"));
        }
        if (items.size() <= batch) {
            return ok(WsmanResponses.enumerateResponse(id, items, null));
        }
        String ctx = remember(new ArrayList<>(items.subList(batch, items.size())));
        return ok(WsmanResponses.enumerateResponse(id, items.subList(0, batch), ctx));
    }

    private Answer pull(WsmanRequest req, String id) {
        Optional<String> ctx = req.enumerationContext();
        List<String> rest = ctx.map(this::forget).orElse(null);
        if (rest == null) {
            return fault(WsmanResponses.fault(id, "Sender", "n:InvalidEnumerationContext", "The supplied"
                    + " enumeration context is invalid. ", 2150858776L, machine));
        }
        int batch = batch(req.maxElements());
        if (rest.size() <= batch) {
            return ok(WsmanResponses.pullResponse(id, rest, null));
        }
        String next = remember(new ArrayList<>(rest.subList(batch, rest.size())));
        return ok(WsmanResponses.pullResponse(id, rest.subList(0, batch), next));
    }

    private static int batch(OptionalLong maxElements) {
        long n = maxElements.orElse(1);
        return (int) Math.max(1, Math.min(DEFAULT_BATCH, n));
    }

    private synchronized String remember(List<String> items) {
        String ctx = "uuid:" + String.format(Locale.ROOT, "%08X-0000-4000-8000-%012X", System.identityHashCode(this),
                contexts.incrementAndGet());
        openEnumerations.put(ctx, items);
        if (openEnumerations.size() > MAX_OPEN_ENUMERATIONS) {
            Iterator<String> oldest = openEnumerations.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return ctx;
    }

    private synchronized List<String> forget(String ctx) {
        return openEnumerations.remove(ctx);
    }

    /** The rows of one of the two classes, empty when the evidence cannot produce them. */
    private Optional<List<Map<String, String>>> rows(String className) {
        return className.equalsIgnoreCase(OS_CLASS) ? systemInfo.asOptional().map(this::operatingSystem)
                : updates.asOptional().map(this::quickFixes);
    }

    private List<Map<String, String>> operatingSystem(SystemInfo si) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("BuildNumber", String.valueOf(si.version().build()));
        row.put("Caption", si.osName());
        row.put("CSDVersion", si.servicePack() > 0 ? "Service Pack " + si.servicePack() : null);
        // nil when the evidence has no computer name, so a client labels the host exactly as the offline audit does
        row.put("CSName", si.hostName().orElse(null));
        row.put("OSArchitecture", si.architecture().map(WmiResponder::osArchitecture).orElse(null));
        row.put("ProductType", si.productType().map(WmiResponder::productType).orElse(null));
        row.put("ServicePackMajorVersion", String.valueOf(si.servicePack()));
        row.put("ServicePackMinorVersion", "0");
        row.put("Version", si.version().toString());
        return List.of(row);
    }

    private List<Map<String, String>> quickFixes(InstalledUpdates u) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String kb : u.kbs()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("Caption", "http://support.microsoft.com/?kbid=" + kb.substring(2));
            row.put("CSName", systemInfo.asOptional().flatMap(SystemInfo::hostName).orElse(machine));
            row.put("Description", "Update");
            row.put("HotFixID", kb);
            row.put("InstalledBy", null);
            row.put("InstalledOn", null);
            rows.add(row);
        }
        return rows;
    }

    private static String osArchitecture(Architecture a) {
        switch (a) {
            case X86:
                return "32-bit";
            case ARM64:
                return "ARM 64-bit Processor";
            case IA64:
                return "Itanium-based";
            default:
                return "64-bit";
        }
    }

    private static String productType(ProductType t) {
        switch (t) {
            case WORKSTATION:
                return "1";
            case DOMAIN_CONTROLLER:
                return "2";
            default:
                return "3";
        }
    }

    private static String lookup(Map<String, String> row, String prop) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(prop)).map(Map.Entry::getValue)
                .filter(v -> v != null).findFirst().orElse("");
    }

    private static Answer ok(String xml) {
        return new Answer(200, xml);
    }

    private static Answer fault(String xml) {
        return new Answer(500, xml);
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleEntry<>(name, value);
    }

    /** SOAP-level injected faults, in Windows' shapes. */
    Answer injected(FaultKind kind, byte[] soap) {
        String id = relatesTo(soap);
        switch (kind) {
            case SERVER_FAULT:
                return fault(WsmanResponses.fault(id, "Receiver", "w:InternalError", "The WS-Management service"
                        + " cannot process the request because of an internal error (injected by the simulator). ",
                        2147500037L, machine));
            case TIMED_OUT:
                return fault(WsmanResponses.timedOut(id, machine));
            case OVERSIZED:
                return ok(oversized(id));
            case MALFORMED: {
                String whole = WsmanResponses.enumerateResponse(id, List.of(), null);
                return ok(whole.substring(0, whole.length() / 2) + "<w:Items><unclosed");
            }
            case DOCTYPE:
                return ok(XXE_PROLOG + WsmanResponses.enumerateResponse(id, List.of(), null)
                        .replace("<n:EnumerationContext>", "<n:EnumerationContext>&xxe;"));
            default:
                throw new IllegalArgumentException(kind + " is not a SOAP-level fault");
        }
    }

    /** What an attacker-controlled host would send to make a careless client read a local file into the reply. */
    static final String XXE_PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

    /** Four times the largest MaxEnvelopeSize Windows allows by default (512000 bytes). */
    static final int OVERSIZED_BYTES = 4 * 512_000;

    private static String oversized(String id) {
        StringBuilder pad = new StringBuilder(OVERSIZED_BYTES + 64);
        pad.append("<w:Items><p:Pad xmlns:p=\"urn:tlsready:simulator\">");
        while (pad.length() < OVERSIZED_BYTES) {
            pad.append("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        }
        pad.append("</p:Pad></w:Items>");
        return WsmanResponses.envelope(WsmanNs.ACTION_ENUMERATE_RESPONSE, id,
                "<n:EnumerateResponse><n:EnumerationContext></n:EnumerationContext>" + pad
                        + "<w:EndOfSequence/></n:EnumerateResponse>");
    }

    private static String relatesTo(byte[] soap) {
        try {
            return WsmanRequest.parse(soap).messageId();
        } catch (WsmanTransportException e) {
            return null;
        }
    }
}
