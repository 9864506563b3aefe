package io.tlsready.adapters.winrm.wsman;

import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.ValueRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Registry values over WMI {@code StdRegProv} (root\default) with as few requests as the facts need: one
 * {@code EnumValues} per physical key (which tells which values exist and their types), then one typed
 * {@code Get…Value} per requested value that exists. So a request costs keys + present values.
 *
 * <p>Views: a 32-bit ({@link io.tlsready.domain.facts.RegistryView#WOW64_32}) value is read through its explicit
 * {@code SOFTWARE\WOW6432Node\…} path ({@link ValueRef#physicalKey()}), never through
 * {@code __ProviderArchitecture} (reported broken over WS-Man, winrm-notes §0.2). As in a .reg export or a hive,
 * a WOW6432Node key that does not exist (e.g. on x86 Windows) makes its values ABSENT.
 * {@code HKLM\SYSTEM\CurrentControlSet} is read as is: on a running host it is the live control set.
 *
 * <p>Strings: REG_EXPAND_SZ is read with {@code GetStringValue} first, which (where the host allows it for this
 * type) returns the text unexpanded, as every offline source shows it; if the host answers type mismatch, the
 * value is read with {@code GetExpandedStringValue} and its origin says it was expanded by the host.
 */
public final class WmiRegistry {

    /** StdRegProv return codes (winrm-notes §1a). */
    static final long OK = 0;
    static final long VALUE_NOT_FOUND = 1;
    static final long KEY_NOT_FOUND = 2;
    static final long ACCESS_DENIED = 5;
    static final long TYPE_MISMATCH = 0x80041005L;

    static final int REG_NONE = 0;
    static final int REG_SZ = 1;
    static final int REG_EXPAND_SZ = 2;
    static final int REG_BINARY = 3;
    static final int REG_DWORD = 4;
    static final int REG_MULTI_SZ = 7;
    static final int REG_QWORD = 11;

    private static final String ORIGIN = "WMI StdRegProv over WinRM";

    private final WsmanClient client;

    public WmiRegistry(WsmanClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Requests sent through the client so far (this reader's and any other user's). */
    public int requestCount() {
        return client.requestCount();
    }

    /**
     * Reads the values. Every ref gets a fact: PRESENT, ABSENT (key or value missing) or NOT_COLLECTED (access
     * denied, fault, unreadable type), with the reason.
     *
     * @throws WsmanTransportException when the host cannot be reached or answers garbage (whole-host failure)
     */
    public Map<ValueRef, Fact<RegValue>> read(Collection<ValueRef> refs) {
        Map<String, List<ValueRef>> byKey = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (ValueRef ref : refs) {
            String physical = ref.physicalKey();
            String k = physical.toUpperCase(Locale.ROOT);
            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(ref);
            spelling.putIfAbsent(k, physical);
        }
        Map<ValueRef, Fact<RegValue>> out = new LinkedHashMap<>();
        WsmanFault blocking = null;
        for (Map.Entry<String, List<ValueRef>> e : byKey.entrySet()) {
            String key = spelling.get(e.getKey());
            List<ValueRef> wanted = e.getValue();
            if (blocking != null) {
                fill(out, wanted, Fact.notCollected(blocking.getMessage()));
                continue;
            }
            try {
                readKey(key, wanted, out);
            } catch (WsmanFault f) {
                fill(out, wanted, Fact.notCollected(f.getMessage()));
                if (f.kind() == WsmanFault.Kind.ACCESS_DENIED || f.kind() == WsmanFault.Kind.NOT_FOUND) {
                    // StdRegProv itself is denied or missing: every other key would fail the same way.
                    blocking = f;
                }
            }
        }
        return out;
    }

    /**
     * Whether keys exist: one {@code EnumKey} per parent key, each asked-about key PRESENT when the parent lists it,
     * ABSENT when it does not or the parent itself is missing, NOT_COLLECTED on denial or fault.
     */
    public Map<KeyRef, Fact<String>> readKeys(Collection<KeyRef> refs) {
        Map<String, List<KeyRef>> byParent = new LinkedHashMap<>();
        for (KeyRef ref : refs) {
            byParent.computeIfAbsent(RegistryPaths.parent(ref.physicalKey()), x -> new ArrayList<>()).add(ref);
        }
        Map<KeyRef, Fact<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<KeyRef>> e : byParent.entrySet()) {
            String parent = e.getKey();
            try {
                InvokeResult listing = client.stdRegProv(RegMethod.ENUM_KEY, parent, null);
                long rv = listing.returnValue();
                Fact<String> all = rv == KEY_NOT_FOUND ? Fact.absent(ORIGIN + ": key " + parent + " not found")
                        : rv == ACCESS_DENIED ? Fact.notCollected("access denied to " + parent
                                + " (StdRegProv EnumKey returned 5; give the account read access to this key)")
                        : rv != OK ? Fact.notCollected("StdRegProv EnumKey on " + parent + " returned " + rv
                                + String.format(" (0x%08X)", rv))
                        : null;
                TreeMap<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                listing.all("sNames").forEach(n -> names.putIfAbsent(n, n));
                for (KeyRef ref : e.getValue()) {
                    out.put(ref, all != null ? all : names.containsKey(ref.leaf())
                            ? Fact.present(parent + "\\" + names.get(ref.leaf()), ORIGIN + " (EnumKey " + parent + ")")
                            : Fact.absent(ORIGIN + ": EnumKey " + parent + " does not list " + ref.leaf()));
                }
            } catch (WsmanFault f) {
                e.getValue().forEach(ref -> out.put(ref, Fact.notCollected(f.getMessage())));
            }
        }
        return out;
    }

    private void readKey(String key, List<ValueRef> wanted, Map<ValueRef, Fact<RegValue>> out) {
        if (WsmanMessages.hive(key.contains("\\") ? key.substring(0, key.indexOf('\\')) : key).isEmpty()) {
            fill(out, wanted, Fact.notCollected(key + " is not under a registry root StdRegProv can open"));
            return;
        }
        InvokeResult listing = client.stdRegProv(RegMethod.ENUM_VALUES, key, null);
        long rv = listing.returnValue();
        if (rv == KEY_NOT_FOUND) {
            fill(out, wanted, Fact.absent(ORIGIN + ": key " + key + " not found"));
            return;
        }
        if (rv == ACCESS_DENIED) {
            fill(out, wanted, Fact.notCollected("access denied to " + key + " (StdRegProv EnumValues returned 5;"
                    + " give the account read access to this key)"));
            return;
        }
        if (rv != OK) {
            fill(out, wanted, Fact.notCollected("StdRegProv EnumValues on " + key + " returned " + rv
                    + String.format(" (0x%08X)", rv)));
            return;
        }
        List<String> names = listing.all("sNames");
        List<String> types = listing.all("Types");
        if (names.size() != types.size()) {
            fill(out, wanted, Fact.notCollected("StdRegProv EnumValues on " + key + " returned " + names.size()
                    + " names but " + types.size() + " types"));
            return;
        }
        TreeMap<String, Integer> typeByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < names.size(); i++) {
            OptionalLong t = parseSigned(types.get(i));
            typeByName.putIfAbsent(names.get(i), t.isPresent() ? (int) t.getAsLong() : -1);
        }
        for (ValueRef ref : wanted) {
            Integer type = typeByName.get(ref.name());
            if (type != null) {
                out.put(ref, get(key, ref.name(), type));
            } else if (ref.name().isEmpty()) {
                // EnumValues may leave the default value out ("sNames … null if only the default value is
                // available"): ask for it directly; defaults are almost always REG_SZ.
                out.put(ref, defaultValue(key));
            } else {
                out.put(ref, Fact.absent(ORIGIN + ": value not found in " + key));
            }
        }
    }

    private Fact<RegValue> get(String key, String name, int type) {
        switch (type) {
            case REG_DWORD: {
                InvokeResult r = client.stdRegProv(RegMethod.GET_DWORD, key, name);
                return number(r, key, name, 32).map(v -> Fact.<RegValue>present(new RegValue.Dword(v),
                        ORIGIN)).orElseGet(() -> failed(r, key, name, "REG_DWORD"));
            }
            case REG_QWORD: {
                InvokeResult r = client.stdRegProv(RegMethod.GET_QWORD, key, name);
                return number(r, key, name, 64).map(v -> Fact.<RegValue>present(new RegValue.Qword(v),
                        ORIGIN)).orElseGet(() -> failed(r, key, name, "REG_QWORD"));
            }
            case REG_SZ: {
                InvokeResult r = client.stdRegProv(RegMethod.GET_STRING, key, name);
                return r.returnValue() == OK && r.first("sValue").isPresent()
                        ? Fact.present(new RegValue.Str(r.first("sValue").get(), false), ORIGIN)
                        : failed(r, key, name, "REG_SZ");
            }
            case REG_EXPAND_SZ: {
                InvokeResult r = client.stdRegProv(RegMethod.GET_STRING, key, name);
                if (r.returnValue() == OK && r.first("sValue").isPresent()) {
                    return Fact.present(new RegValue.Str(r.first("sValue").get(), true), ORIGIN);
                }
                if (r.returnValue() != TYPE_MISMATCH) {
                    return failed(r, key, name, "REG_EXPAND_SZ");
                }
                InvokeResult x = client.stdRegProv(RegMethod.GET_EXPANDED_STRING, key, name);
                return x.returnValue() == OK && x.first("sValue").isPresent()
                        ? Fact.present(new RegValue.Str(x.first("sValue").get(), true),
                                ORIGIN + " (GetExpandedStringValue: environment variables expanded by the host)")
                        : failed(x, key, name, "REG_EXPAND_SZ");
            }
            case REG_MULTI_SZ: {
                InvokeResult r = client.stdRegProv(RegMethod.GET_MULTI_STRING, key, name);
                // An empty REG_MULTI_SZ comes back as a nil or absent sValue.
                return r.returnValue() == OK ? Fact.present(new RegValue.MultiStr(r.all("sValue")), ORIGIN)
                        : failed(r, key, name, "REG_MULTI_SZ");
            }
            default:
                return raw(key, name, type);
        }
    }

    /** REG_BINARY, REG_NONE and every other type: the bytes through GetBinaryValue, if the host gives them. */
    private Fact<RegValue> raw(String key, String name, int type) {
        String typeName = type == REG_BINARY ? "REG_BINARY" : type == REG_NONE ? "REG_NONE" : "REG_TYPE_" + type;
        if (type < 0) {
            return Fact.notCollected("StdRegProv EnumValues gave no usable type for " + key + "\\" + name);
        }
        InvokeResult r = client.stdRegProv(RegMethod.GET_BINARY, key, name);
        if (r.returnValue() != OK) {
            if (r.returnValue() == TYPE_MISMATCH) {
                return Fact.notCollected(typeName + " value " + key + "\\" + name
                        + " cannot be read over StdRegProv (GetBinaryValue: type mismatch)");
            }
            return failed(r, key, name, typeName);
        }
        List<String> bytes = r.all("uValue");
        byte[] data = new byte[bytes.size()];
        for (int i = 0; i < data.length; i++) {
            OptionalLong b = InvokeResult.parseUnsigned(bytes.get(i), 8);
            if (b.isEmpty()) {
                return Fact.notCollected("StdRegProv GetBinaryValue on " + key + "\\" + name
                        + " returned a byte that is not 0..255: " + WsmanXml.oneLine(bytes.get(i)));
            }
            data[i] = (byte) b.getAsLong();
        }
        return Fact.present(new RegValue.Raw(type, data), ORIGIN);
    }

    private Fact<RegValue> defaultValue(String key) {
        InvokeResult r = client.stdRegProv(RegMethod.GET_STRING, key, "");
        if (r.returnValue() == OK && r.first("sValue").isPresent()) {
            return Fact.present(RegValue.Str.of(r.first("sValue").get()), ORIGIN);
        }
        if (r.returnValue() == OK || r.returnValue() == VALUE_NOT_FOUND || r.returnValue() == KEY_NOT_FOUND) {
            return Fact.absent(ORIGIN + ": default value not set in " + key);
        }
        return failed(r, key, "", "default value");
    }

    private static Optional<Long> number(InvokeResult r, String key, String name, int bits) {
        if (r.returnValue() != OK) {
            return Optional.empty();
        }
        Optional<String> text = r.first("uValue");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong v = InvokeResult.parseUnsigned(text.get(), bits);
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }

    private static Fact<RegValue> failed(InvokeResult r, String key, String name, String type) {
        String where = key + "\\" + (name.isEmpty() ? "(Default)" : name);
        long rv = r.returnValue();
        if (rv == VALUE_NOT_FOUND || rv == KEY_NOT_FOUND) {
            // Deleted between EnumValues and the read.
            return Fact.absent(ORIGIN + ": " + where + " not found");
        }
        if (rv == ACCESS_DENIED) {
            return Fact.notCollected("access denied reading " + where + " (StdRegProv returned 5)");
        }
        if (rv == OK) {
            return Fact.notCollected("StdRegProv " + r.method() + " on " + where + " returned no usable " + type
                    + " data " + r.out().keySet());
        }
        if (rv == TYPE_MISMATCH) {
            return Fact.notCollected("StdRegProv " + r.method() + " on " + where + ": type mismatch (the value is no"
                    + " longer " + type + ")");
        }
        return Fact.notCollected("StdRegProv " + r.method() + " on " + where + " returned " + rv
                + String.format(" (0x%08X)", rv));
    }

    private static OptionalLong parseSigned(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void fill(Map<ValueRef, Fact<RegValue>> out, List<ValueRef> refs, Fact<RegValue> fact) {
        for (ValueRef ref : refs) {
            out.put(ref, fact);
        }
    }
}
