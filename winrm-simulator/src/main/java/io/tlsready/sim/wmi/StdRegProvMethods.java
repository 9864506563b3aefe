package io.tlsready.sim.wmi;

import static io.tlsready.sim.wmi.SoapAnswer.fault;
import static io.tlsready.sim.wmi.SoapAnswer.ok;

import io.tlsready.adapters.winrm.wsman.RegMethod;
import io.tlsready.adapters.winrm.wsman.WsmanMessages;
import io.tlsready.adapters.winrm.wsman.WsmanRequest;
import io.tlsready.adapters.winrm.wsman.WsmanResponses;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * StdRegProv's methods (EnumKey, EnumValues, Get{DWORD,QWORD,String,ExpandedString,MultiString,Binary}Value) over a
 * {@link SimulatedRegistry}, with Windows' return codes: a key or value the evidence lacks is "not found", one it
 * names but could not read is "access denied", a getter of the wrong type is WBEM_E_TYPE_MISMATCH.
 *
 * <p>Writes (CreateKey, Set{DWORD,QWORD,String,ExpandedString,MultiString,Binary}Value, DeleteValue, DeleteKey)
 * change the registry, so later reads and audits see them: a setter or DeleteValue on a missing key answers 2,
 * on a denied key 5; CreateKey makes missing parents; DeleteKey of a key with subkeys answers 5, as RegDeleteKey
 * does. The {@code write-denied} fault answers 5 to every write under its key prefixes (case-insensitive);
 * every successful write is reported to {@code onWrite} (the {@code drop-after} fault counts them). Calls are
 * serialised per host, so concurrent connections see each write whole.
 */
final class StdRegProvMethods {

    /** StdRegProv return codes. */
    static final long OK = 0;
    static final long VALUE_NOT_FOUND = 1;
    static final long KEY_NOT_FOUND = 2;
    static final long ACCESS_DENIED = 5;
    static final long TYPE_MISMATCH = 0x80041005L;
    static final long INVALID_PARAMETER = 0x80041008L;

    private final String machine;
    private final SimulatedRegistry registry;
    private final List<String> writeDenied;
    private final Runnable onWrite;

    StdRegProvMethods(String machine, SimulatedRegistry registry) {
        this(machine, registry, List.of(), () -> { });
    }

    /** @param writeDenied physical key prefixes ({@code HKLM\…}) under which every write answers 5 */
    StdRegProvMethods(String machine, SimulatedRegistry registry, List<String> writeDenied, Runnable onWrite) {
        this.machine = machine;
        this.registry = registry;
        this.writeDenied = writeDenied.stream().map(RegistryPaths::normalize).toList();
        this.onWrite = onWrite;
    }

    SimulatedRegistry registry() {
        return registry;
    }

    synchronized SoapAnswer invoke(WsmanRequest req, String id, String classUri, String methodName) {
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
        if (m.writes()) {
            return reg(id, classUri, m, write(m, path, req), List.of());
        }
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
                registry.subkeys(path).forEach(n -> out.add(outParam("sNames", n)));
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

    /** Applies one write and returns its ReturnValue. */
    private long write(RegMethod m, String path, WsmanRequest req) {
        if (deniedByFault(path)) {
            return ACCESS_DENIED;
        }
        Optional<SimulatedRegistry.Key> found = registry.key(path);
        if (m == RegMethod.CREATE_KEY) {
            Optional<SimulatedRegistry.Key> nearest = registry.nearest(path);
            if (nearest.isPresent() && nearest.get().denied()) {
                return ACCESS_DENIED;
            }
            if (found.isEmpty()) {
                registry.create(path);
                onWrite.run();
            }
            return OK;
        }
        if (found.isEmpty()) {
            return KEY_NOT_FOUND;
        }
        SimulatedRegistry.Key key = found.get();
        if (key.denied() || !path.contains("\\")) {
            return ACCESS_DENIED;
        }
        if (m == RegMethod.DELETE_KEY) {
            if (registry.hasSubkeys(path)) {
                return ACCESS_DENIED;
            }
            registry.delete(path);
            onWrite.run();
            return OK;
        }
        String name = Optional.ofNullable(req.invokeParams().get("sValueName")).orElse("");
        if (m == RegMethod.DELETE_VALUE) {
            if (!SimulatedRegistry.remove(key, name)) {
                return VALUE_NOT_FOUND;
            }
            onWrite.run();
            return OK;
        }
        Optional<RegValue> value = SetterData.value(m, req);
        if (value.isEmpty()) {
            return INVALID_PARAMETER;
        }
        SimulatedRegistry.set(key, name, value.get());
        onWrite.run();
        return OK;
    }

    private boolean deniedByFault(String path) {
        for (String prefix : writeDenied) {
            if (RegistryPaths.startsWithKey(path, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<Map.Entry<String, String>> enumValues(SimulatedRegistry.Key key) {
        List<String> names = key.names();
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (names.isEmpty() || names.size() == 1 && names.get(0).isEmpty()) {
            // MOF: "sNames … Returns null if only the default value is available".
            out.add(outParam("sNames", null));
            out.add(outParam("Types", null));
            return out;
        }
        names.forEach(n -> out.add(outParam("sNames", n)));
        for (String n : names) {
            RegValue v = key.values().get(n);
            out.add(outParam("Types", String.valueOf(v == null ? 1 : typeCode(v))));
        }
        return out;
    }

    /** Out-parameters of a getter, or null for a type mismatch (0x80041005). */
    private static List<Map.Entry<String, String>> getter(RegMethod method, RegValue v) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        switch (method) {
            case GET_DWORD:
                if (v instanceof RegValue.Dword d) {
                    out.add(outParam("uValue", Long.toString(d.value())));
                    return out;
                }
                return null;
            case GET_QWORD:
                if (v instanceof RegValue.Qword q) {
                    out.add(outParam("uValue", Long.toUnsignedString(q.value())));
                    return out;
                }
                return null;
            case GET_STRING:
                // REG_EXPAND_SZ comes back unexpanded, as every offline source shows it (UNCONFIRMED on Windows).
                if (v instanceof RegValue.Str s) {
                    out.add(outParam("sValue", s.value()));
                    return out;
                }
                return null;
            case GET_EXPANDED_STRING:
                if (v instanceof RegValue.Str s) {
                    out.add(outParam("sValue", expand(s.value())));
                    return out;
                }
                return null;
            case GET_MULTI_STRING:
                if (v instanceof RegValue.MultiStr ms) {
                    if (ms.values().isEmpty()) {
                        out.add(outParam("sValue", null));
                    }
                    ms.values().forEach(s -> out.add(outParam("sValue", s)));
                    return out;
                }
                return null;
            case GET_BINARY:
                if (v instanceof RegValue.Raw r) {
                    for (byte b : r.data()) {
                        out.add(outParam("uValue", Integer.toString(b & 0xFF)));
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

    private SoapAnswer reg(String id, String classUri, RegMethod method, long rv, List<Map.Entry<String, String>> out) {
        return ok(WsmanResponses.invokeOutput(id, classUri, method.wmiName(), rv, out));
    }

    private static Map.Entry<String, String> outParam(String name, String value) {
        return new AbstractMap.SimpleEntry<>(name, value);
    }
}
