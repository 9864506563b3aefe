package io.tlsready.adapters.windows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.EvidenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code tlsready.snapshot/v1} JSON format (docs/snapshot-format.md): a lossless, diffable copy of one
 * host's {@link HostFacts}. Reading is strict and fails only with {@link EvidenceException} naming the JSON
 * path, because snapshots come from other machines and other people.
 */
final class JsonSnapshot {

    static final String SCHEMA = "tlsready.snapshot/v1";
    /** v1 plus the optional "keys" array (key existence, e.g. root certificates); written only when there are keys. */
    static final String SCHEMA_WITH_KEYS = "tlsready.snapshot/v1.1";
    /** Larger than any honest snapshot (a full answer is a few hundred KiB); bounds memory on hostile input. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

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
    private static final String REG_RAW = "REG_RAW";
    private static final List<String> TYPES = List.of("REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ", "REG_DWORD",
            "REG_QWORD", "REG_BINARY", "REG_NONE", REG_RAW);
    private static final Set<String> VALUE_FIELDS =
            Set.of("key", "view", "name", "state", "type", "typeCode", "data", "origin", "why");

    /**
     * Tree model only, no data binding: nothing in the input can choose a Java type to instantiate.
     * In a holder so that sniffing a file (looksLike) does not load Jackson into an offline .reg audit.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxStringLength(16 * 1024 * 1024)
                            .maxNameLength(1024)
                            .maxNumberLength(64)
                            .maxDocumentLength(MAX_FILE_BYTES)
                            .build())
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(16).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    }

    private JsonSnapshot() {
    }

    /**
     * True if the first bytes of a file look like a tlsready snapshot: a JSON object (UTF-8, or UTF-16
     * with a BOM) that mentions the schema name early, as every writer puts {@code "schema"} first.
     */
    static boolean looksLike(byte[] head) {
        String text = decodeHead(head).strip();
        return text.startsWith("{") && text.contains("tlsready.snapshot/");
    }

    private static String decodeHead(byte[] head) {
        int n = head.length;
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new String(head, 2, (n - 2) & ~1, StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new String(head, 2, (n - 2) & ~1, StandardCharsets.UTF_16BE);
        }
        int skip = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(head, skip, n - skip, StandardCharsets.UTF_8);
    }

    /** Reads a snapshot file. @throws EvidenceException for anything but a valid snapshot */
    static HostFacts read(Path file) {
        String where = String.valueOf(file);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new EvidenceException(where, "is a directory, expected a " + SCHEMA + " JSON file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new EvidenceException(where, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new EvidenceException(where, "cannot read the file: permission denied", e);
        } catch (IOException | SecurityException e) {
            throw new EvidenceException(where, "cannot read the file: " + oneLine(String.valueOf(e.getMessage())), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new EvidenceException(where, "larger than " + (MAX_FILE_BYTES >> 20)
                    + " MiB; not a tlsready snapshot (they are a few hundred KiB)");
        }
        return parse(bytes, where);
    }

    /** Parses snapshot bytes; {@code where} names them in errors. */
    static HostFacts parse(byte[] bytes, String where) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new EvidenceException(where, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new EvidenceException(where, "JSON exceeds a safety limit" + at(e.getLocation()) + ": "
                    + oneLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
                throw new EvidenceException(where, "truncated JSON: unexpected end of input" + at(e.getLocation()), e);
            }
            if (message.startsWith("Trailing token")) {
                throw new EvidenceException(where, "invalid JSON" + at(e.getLocation())
                        + ": more content after the end of the snapshot object", e);
            }
            throw new EvidenceException(where, "invalid JSON" + at(e.getLocation()) + ": " + oneLine(message), e);
        } catch (IOException e) {
            throw new EvidenceException(where, "cannot read JSON: " + oneLine(String.valueOf(e.getMessage())), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new EvidenceException(where, "empty file, expected a " + SCHEMA + " JSON object");
        }
        try {
            return new Reader(where).host(root);
        } catch (Bad e) {
            throw new EvidenceException(where, e.getMessage());
        }
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the snapshot, pretty-printed with LF line ends, values sorted, so two snapshots of one host
     * diff line by line. Does not close {@code out}.
     */
    static void write(HostFacts facts, OutputStream out) throws IOException {
        write(facts, Optional.empty(), out);
    }

    static void write(HostFacts facts, Optional<Instant> collectedAt, OutputStream out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            g.setCharacterEscapes(SurrogateEscapes.INSTANCE);
            g.writeStartObject();
            g.writeStringField("schema", facts.keys().isEmpty() ? SCHEMA : SCHEMA_WITH_KEYS);
            g.writeStringField("host", facts.host());
            g.writeStringField("source", facts.source());
            if (collectedAt.isPresent()) {
                g.writeStringField("collectedAt", collectedAt.get().toString());
            }
            Optional<String> tool = toolVersion();
            if (tool.isPresent()) {
                g.writeStringField("tool", tool.get());
            }
            g.writeFieldName("systemInfo");
            writeSystemInfo(g, facts.systemInfo());
            g.writeFieldName("updates");
            writeUpdates(g, facts.updates());
            g.writeArrayFieldStart("values");
            List<Map.Entry<ValueRef, Fact<RegValue>>> values = new ArrayList<>(facts.values().entrySet());
            values.sort(Map.Entry.comparingByKey(VALUE_ORDER));
            for (Map.Entry<ValueRef, Fact<RegValue>> e : values) {
                writeValue(g, e.getKey(), e.getValue());
            }
            g.writeEndArray();
            if (!facts.keys().isEmpty()) {
                g.writeArrayFieldStart("keys");
                List<Map.Entry<KeyRef, Fact<String>>> keys = new ArrayList<>(facts.keys().entrySet());
                keys.sort(Comparator.comparing((Map.Entry<KeyRef, Fact<String>> e) -> e.getKey().key()
                        .toUpperCase(Locale.ROOT)).thenComparing(e -> e.getKey().view()));
                for (Map.Entry<KeyRef, Fact<String>> e : keys) {
                    g.writeStartObject();
                    g.writeStringField("key", e.getKey().key());
                    g.writeStringField("view", e.getKey().view().label());
                    writeState(g, e.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("provenance");
            for (Provenance p : facts.provenance()) {
                g.writeStartObject();
                g.writeStringField("kind", p.kind());
                g.writeStringField("location", p.location());
                g.writeStringField("detail", p.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (EvidenceWarning w : facts.warnings()) {
                g.writeStartObject();
                g.writeStringField("location", w.location());
                g.writeStringField("message", w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static final Comparator<ValueRef> VALUE_ORDER = Comparator
            .comparing((ValueRef r) -> r.key().toUpperCase(Locale.ROOT))
            .thenComparing(ValueRef::view)
            .thenComparing(r -> r.name().toUpperCase(Locale.ROOT))
            .thenComparing(ValueRef::key)
            .thenComparing(ValueRef::name);

    private static Optional<String> toolVersion() {
        String v = JsonSnapshot.class.getPackage().getImplementationVersion();
        return v == null ? Optional.empty() : Optional.of("tlsready " + v);
    }

    private static void writeState(JsonGenerator g, Fact<?> fact) throws IOException {
        g.writeStringField("state", fact.state());
        if (fact instanceof Fact.Present<?> p) {
            g.writeStringField("origin", p.origin());
        } else if (fact instanceof Fact.Absent<?> a) {
            g.writeStringField("origin", a.origin());
        } else if (fact instanceof Fact.NotCollected<?> n) {
            g.writeStringField("why", n.why());
        }
    }

    private static void writeSystemInfo(JsonGenerator g, Fact<SystemInfo> fact) throws IOException {
        g.writeStartObject();
        writeState(g, fact);
        if (fact instanceof Fact.Present<SystemInfo> p) {
            SystemInfo si = p.value();
            if (si.hostName().isPresent()) {
                g.writeStringField("hostName", si.hostName().get());
            }
            g.writeStringField("osName", si.osName());
            g.writeStringField("version", si.version().toString());
            g.writeNumberField("servicePack", si.servicePack());
            if (si.productType().isPresent()) {
                g.writeStringField("productType", si.productType().get().name());
            }
            if (si.architecture().isPresent()) {
                g.writeStringField("architecture", si.architecture().get().name());
            }
        }
        g.writeEndObject();
    }

    private static void writeUpdates(JsonGenerator g, Fact<InstalledUpdates> fact) throws IOException {
        g.writeStartObject();
        writeState(g, fact);
        if (fact instanceof Fact.Present<InstalledUpdates> p) {
            g.writeArrayFieldStart("kbs");
            for (String kb : new TreeSet<>(p.value().kbs())) {
                g.writeString(kb);
            }
            g.writeEndArray();
            if (!p.value().complete()) {
                g.writeBooleanField("complete", false);
            }
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, ValueRef ref, Fact<RegValue> fact) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", ref.key());
        g.writeStringField("view", ref.view().label());
        g.writeStringField("name", ref.name());
        g.writeStringField("state", fact.state());
        if (fact instanceof Fact.Present<RegValue> p) {
            writeData(g, p.value());
            g.writeStringField("origin", p.origin());
        } else if (fact instanceof Fact.Absent<RegValue> a) {
            g.writeStringField("origin", a.origin());
        } else if (fact instanceof Fact.NotCollected<RegValue> n) {
            g.writeStringField("why", n.why());
        }
        g.writeEndObject();
    }

    private static void writeData(JsonGenerator g, RegValue v) throws IOException {
        if (v instanceof RegValue.Dword d) {
            g.writeStringField("type", "REG_DWORD");
            g.writeNumberField("data", d.value());
        } else if (v instanceof RegValue.Qword q) {
            // a string: JSON numbers above 2^53 lose precision in many readers (JavaScript, jq)
            g.writeStringField("type", "REG_QWORD");
            g.writeStringField("data", Long.toUnsignedString(q.value()));
        } else if (v instanceof RegValue.Str s) {
            g.writeStringField("type", s.expand() ? "REG_EXPAND_SZ" : "REG_SZ");
            g.writeStringField("data", s.value());
        } else if (v instanceof RegValue.MultiStr m) {
            g.writeStringField("type", "REG_MULTI_SZ");
            g.writeArrayFieldStart("data");
            for (String s : m.values()) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else if (v instanceof RegValue.Raw r) {
            if (r.type() == 0 || r.type() == 3) {
                g.writeStringField("type", r.type() == 0 ? "REG_NONE" : "REG_BINARY");
            } else {
                g.writeStringField("type", REG_RAW);
                g.writeNumberField("typeCode", Integer.toUnsignedLong(r.type()));
            }
            g.writeStringField("data", HEX_FORMAT.formatHex(r.data()));
        } else {
            throw new IllegalStateException("unknown RegValue " + v.getClass());
        }
    }

    /**
     * Writes every UTF-16 surrogate as a \\u escape. Registry strings may hold unpaired surrogates, which
     * UTF-8 cannot carry; escaped, they survive the round trip exactly (paired ones stay valid JSON too). Every
     * other character {@link Visible} would escape (controls, DEL, C1, bidi, U+2028) is escaped the same way, so a
     * snapshot shown with {@code cat} cannot act on the terminal; parsers give back the same string.
     */
    private static final class SurrogateEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final SurrogateEscapes INSTANCE = new SurrogateEscapes();
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        SurrogateEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Visible.steers(ch)) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- reading

    /** A format error with the JSON path first; turned into an EvidenceException naming the file. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String path, String problem) {
            super(path + ": " + problem, null, false, false);
        }
    }

    /** One JSON object being read: checks types, remembers which fields were used, rejects the rest. */
    private static final class Obj {
        final JsonNode node;
        final String path;
        final boolean ignoreUnknown;
        final Set<String> used = new TreeSet<>();

        Obj(JsonNode node, String path, boolean ignoreUnknown) {
            if (!node.isObject()) {
                throw new Bad(path, "expected a JSON object, found " + kind(node));
            }
            this.node = node;
            this.path = path;
            this.ignoreUnknown = ignoreUnknown;
        }

        String sub(String field) {
            return path.equals("$") ? field : path + "." + field;
        }

        Optional<JsonNode> opt(String field) {
            used.add(field);
            return Optional.ofNullable(node.get(field));
        }

        JsonNode req(String field) {
            return opt(field).orElseThrow(() -> new Bad(sub(field), "required field is missing"));
        }

        String string(String field) {
            return text(req(field), sub(field));
        }

        Optional<String> optString(String field) {
            return opt(field).map(n -> text(n, sub(field)));
        }

        /** Rejects fields not read; {@code known} fields get the more helpful "not allowed" message. */
        void noOthers(Set<String> known, String whyNotAllowed) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                if (used.contains(f)) {
                    continue;
                }
                if (known.contains(f)) {
                    throw new Bad(sub(f), "not allowed " + whyNotAllowed);
                }
                if (!ignoreUnknown) {
                    throw new Bad(sub(f), "unknown field (this reader knows " + SCHEMA + ")");
                }
            }
        }
    }

    private static String text(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw new Bad(path, "expected a string, found " + kind(n));
        }
        return n.textValue();
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static List<JsonNode> array(JsonNode n, String path) {
        if (!n.isArray()) {
            throw new Bad(path, "expected an array, found " + kind(n));
        }
        List<JsonNode> out = new ArrayList<>(n.size());
        n.elements().forEachRemaining(out::add);
        return out;
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

    private static final class Reader {
        private final String where;
        private boolean ignoreUnknown;
        /** Value entries that could not be read; their values are NOT_COLLECTED, never dropped silently. */
        private final List<EvidenceWarning> unreadable = new ArrayList<>();

        Reader(String where) {
            this.where = where;
        }

        HostFacts host(JsonNode root) {
            if (!root.isObject()) {
                throw new Bad("$", "expected a JSON object, found " + kind(root));
            }
            JsonNode schemaNode = root.get("schema");
            if (schemaNode == null) {
                throw new Bad("schema", "required field is missing (expected \"" + SCHEMA + "\")");
            }
            String schema = text(schemaNode, "schema");
            Matcher m = SCHEMA_PATTERN.matcher(schema);
            if (!m.matches()) {
                throw new Bad("schema", "not a tlsready snapshot schema: \"" + oneLine(schema) + "\" (expected \""
                        + SCHEMA + "\")");
            }
            if (!m.group(1).equals("1")) {
                throw new Bad("schema", "unsupported version \"" + schema + "\"; this tlsready reads " + SCHEMA);
            }
            // v1.N (N > 0) only adds optional fields, which an older v1 reader may skip; v1 itself is exact.
            ignoreUnknown = m.group(2) != null && !m.group(2).matches("0+");

            Obj o = new Obj(root, "$", ignoreUnknown);
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
                Obj p = new Obj(provNodes.get(i), "provenance[" + i + "]", ignoreUnknown);
                provenance.add(new Provenance(p.string("kind"), p.string("location"), p.string("detail")));
                p.noOthers(Set.of(), "");
            }
            List<EvidenceWarning> warnings = new ArrayList<>();
            List<JsonNode> warnNodes = array(o.req("warnings"), "warnings");
            for (int i = 0; i < warnNodes.size(); i++) {
                Obj w = new Obj(warnNodes.get(i), "warnings[" + i + "]", ignoreUnknown);
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
                Obj o = new Obj(nodes.get(i), path, ignoreUnknown);
                ValueRef ref = ref(o, false);
                KeyRef key = new KeyRef(ref.key(), ref.view());
                Header h = header(o);
                o.noOthers(Set.of("origin", "why"), "when state is " + h.state());
                if (out.put(key, h.fact(key.physicalKey())) != null) {
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
            Obj o = new Obj(n, "systemInfo", ignoreUnknown);
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
            Obj o = new Obj(n, "updates", ignoreUnknown);
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
                    o = new Obj(nodes.get(i), path, ignoreUnknown);
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
                out.put(ref, entry(o, path));
            }
            return out;
        }

        /** The entry's fact; an entry of the wrong shape is NOT_COLLECTED (never ABSENT) with a warning. */
        private Fact<RegValue> entry(Obj o, String path) {
            try {
                Header h = header(o);
                boolean present = h.state().equals(PRESENT);
                Fact<RegValue> fact = h.fact(present ? data(o) : null);
                o.noOthers(VALUE_FIELDS, present ? "for " + o.node.get("type").textValue()
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
