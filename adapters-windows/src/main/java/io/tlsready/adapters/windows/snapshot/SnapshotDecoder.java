package io.tlsready.adapters.windows.snapshot;

import static io.tlsready.adapters.windows.json.ParseMessages.oneLine;
import static io.tlsready.adapters.windows.json.StrictJson.array;
import static io.tlsready.adapters.windows.json.StrictJson.kind;
import static io.tlsready.adapters.windows.json.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.adapters.windows.json.StrictJson.Bad;
import io.tlsready.adapters.windows.json.StrictJson.Obj;
import io.tlsready.adapters.windows.json.StrictJson.Wording;
import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON tree of a {@code tlsready.snapshot/v1} file back into {@link HostFacts}: strict about shape and
 * types, so a hand-edited or hostile snapshot fails with the JSON path of its first problem. One instance per file.
 */
final class SnapshotDecoder {

    private static final Pattern SCHEMA_PATTERN = Pattern.compile("tlsready\\.snapshot/v(\\d{1,6})(?:\\.(\\d{1,6}))?");
    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})*");
    private static final BigInteger MAX_DWORD = BigInteger.valueOf(0xFFFF_FFFFL);
    private static final BigInteger MAX_QWORD = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final HexFormat HEX_FORMAT = HexFormat.of();

    private static final String PRESENT = "PRESENT";
    private static final String ABSENT = "ABSENT";
    private static final String NOT_COLLECTED = "NOT_COLLECTED";
    private static final List<String> TYPES = List.of("REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ", "REG_DWORD",
            "REG_QWORD", "REG_BINARY", "REG_NONE", JsonSnapshot.REG_RAW);
    private static final Wording WORDING = Wording.of(JsonSnapshot.SCHEMA);
    private static final Set<String> VALUE_FIELDS =
            Set.of("key", "view", "name", "state", "type", "typeCode", "data", "origin", "why");

    private final String where;
    private boolean ignoreUnknown;
    /** Value entries that could not be read; their values are NOT_COLLECTED, never dropped silently. */
    private final List<EvidenceWarning> unreadable = new ArrayList<>();

    /** Where each values[] and keys[] entry is in the file, for the evidence's file and line. */
    private final SnapshotLines lines;

    SnapshotDecoder(String where) {
        this(where, SnapshotLines.NONE);
    }

    SnapshotDecoder(String where, SnapshotLines lines) {
        this.where = where;
        this.lines = lines;
    }

    /** {@code fact}, read at line {@code line} of this snapshot (0: the file as a whole). */
    private <T> Fact<T> at(Fact<T> fact, int line) {
        SourceLine at = new SourceLine(where, line);
        if (fact instanceof Fact.Present<T> p) {
            return Fact.present(p.value(), p.origin(), at);
        }
        return fact instanceof Fact.Absent<T> a ? Fact.absent(a.origin(), at) : fact;
    }

    HostFacts host(JsonNode root) {
        if (!root.isObject()) {
            throw new Bad("$", "expected a JSON object, found " + kind(root));
        }
        JsonNode schemaNode = root.get("schema");
        if (schemaNode == null) {
            throw new Bad("schema", "required field is missing (expected \"" + JsonSnapshot.SCHEMA + "\")");
        }
        String schema = text(schemaNode, "schema");
        Matcher m = SCHEMA_PATTERN.matcher(schema);
        if (!m.matches()) {
            throw new Bad("schema", "not a tlsready snapshot schema: \"" + oneLine(schema) + "\" (expected \""
                    + JsonSnapshot.SCHEMA + "\")");
        }
        if (!m.group(1).equals("1")) {
            throw new Bad("schema", "unsupported version \"" + schema + "\"; this tlsready reads "
                    + JsonSnapshot.SCHEMA);
        }
        // v1.N (N > 0) only adds optional fields, which an older v1 reader may skip; v1 itself is exact.
        ignoreUnknown = m.group(2) != null && !m.group(2).matches("0+");

        Obj o = new Obj(root, "$", WORDING, ignoreUnknown);
        o.string("schema");
        String host = o.string("host");
        String source = o.string("source");
        Optional<String> collectedAt = o.optString("collectedAt");
        if (collectedAt.isPresent()) {
            try {
                Instant.parse(collectedAt.get());
            } catch (DateTimeParseException e) {
                throw new Bad("collectedAt", "expected an ISO-8601 UTC time such as 2026-01-31T12:00:00Z");
            }
        }
        o.optString("tool");
        Fact<SystemInfo> systemInfo = systemInfo(o.req("systemInfo"));
        Fact<InstalledUpdates> updates = updates(o.req("updates"));
        Map<ValueRef, Fact<RegValue>> values = values(o.req("values"));
        Map<KeyRef, Fact<String>> keys = o.opt("keys").map(this::keys).orElse(Map.of());
        List<Provenance> provenance = new ArrayList<>();
        List<JsonNode> provNodes = array(o.req("provenance"), "provenance");
        for (int i = 0; i < provNodes.size(); i++) {
            Obj p = new Obj(provNodes.get(i), "provenance[" + i + "]", WORDING, ignoreUnknown);
            provenance.add(new Provenance(p.string("kind"), p.string("location"), p.string("detail")));
            p.noOthers(Set.of(), "");
        }
        List<EvidenceWarning> warnings = new ArrayList<>();
        List<JsonNode> warnNodes = array(o.req("warnings"), "warnings");
        for (int i = 0; i < warnNodes.size(); i++) {
            Obj w = new Obj(warnNodes.get(i), "warnings[" + i + "]", WORDING, ignoreUnknown);
            warnings.add(new EvidenceWarning(w.string("location"), w.string("message")));
            w.noOthers(Set.of(), "");
        }
        warnings.addAll(unreadable);
        o.noOthers(Set.of(), "");
        return new HostFacts(host, source, values, systemInfo, updates, provenance, warnings, keys);
    }

    /** Key existence: {"key", "view", "state", "origin"|"why"}; PRESENT means the key exists. */
    private Map<KeyRef, Fact<String>> keys(JsonNode n) {
        List<JsonNode> nodes = array(n, "keys");
        Map<KeyRef, Fact<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "keys[" + i + "]";
            Obj o = new Obj(nodes.get(i), path, WORDING, ignoreUnknown);
            ValueRef ref = ref(o, false);
            KeyRef key = new KeyRef(ref.key(), ref.view());
            Header h = header(o);
            o.noOthers(Set.of("origin", "why"), "when state is " + h.state());
            if (out.put(key, at(h.fact(key.physicalKey()), SnapshotLines.at(lines.keys(), i))) != null) {
                throw new Bad(path, "duplicate key " + key + " (" + key.view().label() + " view)");
            }
        }
        return out;
    }

    private Header header(Obj o) {
        String state = o.string("state");
        switch (state) {
            case PRESENT:
            case ABSENT:
                return new Header(state, o.string("origin"));
            case NOT_COLLECTED:
                return new Header(state, o.string("why"));
            default:
                throw new Bad(o.sub("state"), "expected PRESENT, ABSENT or NOT_COLLECTED, found \""
                        + oneLine(state) + "\"");
        }
    }

    private Fact<SystemInfo> systemInfo(JsonNode n) {
        Obj o = new Obj(n, "systemInfo", WORDING, ignoreUnknown);
        Header h = header(o);
        SystemInfo info = null;
        if (h.state().equals(PRESENT)) {
            Optional<String> hostName = o.optString("hostName");
            String osName = o.string("osName");
            String versionText = o.string("version");
            Matcher vm = VERSION.matcher(versionText);
            if (!vm.matches()) {
                throw new Bad("systemInfo.version", "expected major.minor.build such as \"6.1.7601\", found \""
                        + oneLine(versionText) + "\"");
            }
            WindowsVersion version = new WindowsVersion(
                    Integer.parseInt(vm.group(1)), Integer.parseInt(vm.group(2)), Integer.parseInt(vm.group(3)));
            JsonNode sp = o.req("servicePack");
            if (!sp.isIntegralNumber() || !sp.canConvertToInt() || sp.intValue() < 0) {
                throw new Bad("systemInfo.servicePack", "expected a non-negative whole number");
            }
            Optional<ProductType> productType = o.optString("productType")
                    .map(t -> enumValue(ProductType.class, t, "systemInfo.productType"));
            Optional<Architecture> architecture = o.optString("architecture")
                    .map(t -> enumValue(Architecture.class, t, "systemInfo.architecture"));
            info = new SystemInfo(hostName, osName, version, sp.intValue(), productType, architecture);
        }
        o.noOthers(Set.of("hostName", "osName", "version", "servicePack", "productType", "architecture",
                "origin", "why"), "when state is " + h.state());
        return h.fact(info);
    }

    private Fact<InstalledUpdates> updates(JsonNode n) {
        Obj o = new Obj(n, "updates", WORDING, ignoreUnknown);
        Header h = header(o);
        InstalledUpdates updates = null;
        if (h.state().equals(PRESENT)) {
            List<JsonNode> kbs = array(o.req("kbs"), "updates.kbs");
            List<String> list = new ArrayList<>();
            for (int i = 0; i < kbs.size(); i++) {
                String path = "updates.kbs[" + i + "]";
                String kb = text(kbs.get(i), path);
                try {
                    list.add(InstalledUpdates.normalize(kb));
                } catch (IllegalArgumentException e) {
                    throw new Bad(path, "not a KB number: \"" + oneLine(kb) + "\"");
                }
            }
            JsonNode complete = n.get("complete");
            if (complete != null && !complete.isBoolean()) {
                throw new Bad("updates.complete", "expected true or false");
            }
            updates = new InstalledUpdates(new TreeSet<>(list), complete == null || complete.asBoolean());
        }
        o.noOthers(Set.of("kbs", "complete", "origin", "why"), "when state is " + h.state());
        return h.fact(updates);
    }

    private Map<ValueRef, Fact<RegValue>> values(JsonNode n) {
        List<JsonNode> nodes = array(n, "values");
        Map<ValueRef, Fact<RegValue>> out = new LinkedHashMap<>();
        Map<ValueRef, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "values[" + i + "]";
            Obj o;
            ValueRef ref;
            try {
                o = new Obj(nodes.get(i), path, WORDING, ignoreUnknown);
                ref = ref(o);
            } catch (Bad e) {
                // Which value this is cannot be known; left out, it stays NOT_COLLECTED like any unlisted value.
                unreadable.add(new EvidenceWarning(where, e.getMessage() + "; entry skipped"));
                continue;
            }
            Integer before = firstIndex.putIfAbsent(ref, i);
            if (before != null) {
                throw new Bad(path, "duplicate of values[" + before + "] (" + ref + ", " + ref.view().label()
                        + " view)");
            }
            out.put(ref, at(entry(o, path), SnapshotLines.at(lines.values(), i)));
        }
        return out;
    }

    /** The entry's fact; an entry of the wrong shape is NOT_COLLECTED (never ABSENT) with a warning. */
    private Fact<RegValue> entry(Obj o, String path) {
        try {
            Header h = header(o);
            boolean present = h.state().equals(PRESENT);
            Fact<RegValue> fact = h.fact(present ? data(o) : null);
            o.noOthers(VALUE_FIELDS, present ? "for " + o.node().get("type").textValue()
                    : "when state is " + h.state());
            return fact;
        } catch (Bad e) {
            unreadable.add(new EvidenceWarning(where, e.getMessage() + "; the value is NOT_COLLECTED"));
            return Fact.notCollected(where + " " + path + " cannot be read: " + e.getMessage());
        }
    }

    private ValueRef ref(Obj o) {
        return ref(o, true);
    }

    /** A value's (or, without a name, a key's) place; keys borrow the default value's name "". */
    private ValueRef ref(Obj o, boolean named) {
        String key = o.string("key");
        String viewLabel = o.string("view");
        String name = named ? o.string("name") : "";
        RegistryView view;
        if (viewLabel.equals(RegistryView.NATIVE.label())) {
            view = RegistryView.NATIVE;
        } else if (viewLabel.equals(RegistryView.WOW64_32.label())) {
            view = RegistryView.WOW64_32;
        } else {
            throw new Bad(o.sub("view"), "expected \"64-bit\" or \"32-bit\", found \"" + oneLine(viewLabel) + "\"");
        }
        String normal = RegistryPaths.normalize(key);
        if (!RegistryPaths.startsWithKey(normal, "HKLM") || normal.length() <= "HKLM\\".length()) {
            throw new Bad(o.sub("key"), "expected a key under HKLM\\, found \"" + oneLine(key) + "\"");
        }
        if (RegistryPaths.startsWithKey(normal, "HKLM\\SOFTWARE\\WOW6432Node")) {
            throw new Bad(o.sub("key"), "write the native path with view \"32-bit\" instead of WOW6432Node");
        }
        if (view == RegistryView.WOW64_32 && !RegistryPaths.isRedirected(normal)) {
            throw new Bad(o.sub("view"), "only keys under HKLM\\SOFTWARE have a 32-bit view");
        }
        return new ValueRef(normal, view, name);
    }

    private RegValue data(Obj o) {
        String type = o.string("type");
        if (!TYPES.contains(type)) {
            throw new Bad(o.sub("type"), "unknown registry type \"" + oneLine(type) + "\" (expected one of "
                    + String.join(", ", TYPES) + ")");
        }
        JsonNode data = o.req("data");
        String path = o.sub("data");
        switch (type) {
            case "REG_SZ":
            case "REG_EXPAND_SZ":
                if (!data.isTextual()) {
                    throw new Bad(path, "expected a string for " + type + ", found " + kind(data));
                }
                return new RegValue.Str(data.textValue(), type.equals("REG_EXPAND_SZ"));
            case "REG_MULTI_SZ": {
                if (!data.isArray()) {
                    throw new Bad(path, "expected an array of strings for REG_MULTI_SZ, found " + kind(data));
                }
                List<String> items = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    JsonNode item = data.get(i);
                    if (!item.isTextual()) {
                        throw new Bad(path + "[" + i + "]", "expected a string for REG_MULTI_SZ, found "
                                + kind(item));
                    }
                    items.add(item.textValue());
                }
                return new RegValue.MultiStr(items);
            }
            case "REG_DWORD": {
                BigInteger v = unsigned(data, MAX_DWORD)
                        .orElseThrow(() -> new Bad(path, "expected an unsigned 32-bit number for REG_DWORD"));
                return new RegValue.Dword(v.longValue());
            }
            case "REG_QWORD": {
                BigInteger v = unsigned(data, MAX_QWORD).orElseThrow(() -> new Bad(path,
                        "expected an unsigned 64-bit number (decimal string) for REG_QWORD"));
                return new RegValue.Qword(v.longValue());
            }
            default: {
                byte[] bytes = hex(data, path, type);
                if (type.equals("REG_NONE")) {
                    return new RegValue.Raw(0, bytes);
                }
                if (type.equals("REG_BINARY")) {
                    return new RegValue.Raw(3, bytes);
                }
                JsonNode code = o.req("typeCode");
                BigInteger c = unsigned(code, MAX_DWORD).filter(x -> code.isIntegralNumber()).orElseThrow(() ->
                        new Bad(o.sub("typeCode"), "expected the registry type number (0 to 4294967295)"));
                return new RegValue.Raw((int) c.longValue(), bytes);
            }
        }
    }

    /** A fact's state and its origin (PRESENT, ABSENT) or why (NOT_COLLECTED). */
    private record Header(String state, String note) {
        /** {@code value} is used (and must be non-null) only when PRESENT. */
        <T> Fact<T> fact(T value) {
            if (state.equals(PRESENT)) {
                return Fact.present(value, note);
            }
            return state.equals(ABSENT) ? Fact.absent(note) : Fact.notCollected(note);
        }
    }

    /** An integral JSON number or a decimal string within 0..max. */
    private static Optional<BigInteger> unsigned(JsonNode n, BigInteger max) {
        BigInteger v;
        if (n.isIntegralNumber()) {
            v = n.bigIntegerValue();
        } else if (n.isTextual() && DIGITS.matcher(n.textValue()).matches()) {
            v = new BigInteger(n.textValue());
        } else {
            return Optional.empty();
        }
        return v.signum() >= 0 && v.compareTo(max) <= 0 ? Optional.of(v) : Optional.empty();
    }

    private static byte[] hex(JsonNode n, String path, String type) {
        if (!n.isTextual() || !HEX.matcher(n.textValue()).matches()) {
            throw new Bad(path, "expected hex bytes such as \"01ab\" for " + type);
        }
        return HEX_FORMAT.parseHex(n.textValue());
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String path) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw new Bad(path, "expected one of " + String.join(", ", names) + ", found \"" + oneLine(text) + "\"");
    }
}
