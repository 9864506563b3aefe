package io.tlsready.adapters.windows.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryData;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.rules.RuleId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the JSON tree of a {@code tlsready.journal/v1} file back into a {@link Journal}. Exact: every field is
 * required and typed, no other field is allowed, and the first problem is a {@link Bad} naming its JSON path
 * ({@code entries[2].before.data}). A journal drives registry writes, so nothing is guessed.
 */
final class JournalDecoder {

    private static final Pattern HEX_DIGITS = Pattern.compile("(?:[0-9a-fA-F]{2})*");
    private static final HexFormat HEX = HexFormat.of();

    private JournalDecoder() {
    }

    /** A format error with the JSON path first; {@link JournalJson} turns it into an EvidenceException. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String path, String problem) {
            super(path + ": " + problem, null, false, false);
        }
    }

    static Journal journal(JsonNode root) {
        Obj o = new Obj(root, "$");
        String schema = o.string("schema");
        if (!schema.equals(Journal.SCHEMA)) {
            throw new Bad("schema", "unsupported schema \"" + JournalJson.oneLine(schema) + "\"; this tlsready reads "
                    + Journal.SCHEMA);
        }
        String runId = o.string("runId");
        if (runId.isEmpty()) {
            throw new Bad("runId", "must not be empty");
        }
        String createdAt = o.string("createdAt");
        try {
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw new Bad("createdAt", "expected an ISO-8601 time with its offset, such as 2026-01-31T12:00:00Z");
        }
        Obj tool = o.obj("tool");
        if (!tool.string("name").equals("tlsready")) {
            throw new Bad("tool.name", "expected \"tlsready\"");
        }
        String version = tool.string("version");
        tool.noOthers();
        Journal.Where where = where(o.obj("host"));
        List<KeyRef> createdKeys = new ArrayList<>();
        Set<KeyRef> seenKeys = new HashSet<>();
        List<JsonNode> keyNodes = o.array("createdKeys");
        for (int i = 0; i < keyNodes.size(); i++) {
            Obj k = new Obj(keyNodes.get(i), "createdKeys[" + i + "]");
            KeyRef key = keyRef(k);
            k.noOthers();
            if (!seenKeys.add(key)) {
                throw new Bad(k.path, "duplicate key " + JournalJson.oneLine(key.toString()));
            }
            createdKeys.add(key);
        }
        List<Journal.Entry> entries = new ArrayList<>();
        Set<ValueRef> seenValues = new HashSet<>();
        List<JsonNode> entryNodes = o.array("entries");
        for (int i = 0; i < entryNodes.size(); i++) {
            Journal.Entry e = entry(new Obj(entryNodes.get(i), "entries[" + i + "]"));
            if (!seenValues.add(e.ref())) {
                throw new Bad("entries[" + i + "]", "duplicate value " + JournalJson.oneLine(e.ref().toString()));
            }
            entries.add(e);
        }
        o.noOthers();
        return new Journal(runId, createdAt, version, where, createdKeys, entries);
    }

    private static Journal.Where where(Obj h) {
        String name = h.string("name");
        if (name.isEmpty()) {
            throw new Bad(h.sub("name"), "must not be empty");
        }
        boolean local = h.bool("local");
        JsonNode portNode = h.req("port");
        if (!portNode.isIntegralNumber() || !portNode.canConvertToInt() || portNode.intValue() < 0
                || portNode.intValue() > 65535) {
            throw new Bad(h.sub("port"), "expected a port number 0-65535, found " + describe(portNode));
        }
        String transport = h.string("transport");
        String auth = h.string("auth");
        h.noOthers();
        return new Journal.Where(name, local, portNode.intValue(), transport, auth);
    }

    private static Journal.Entry entry(Obj e) {
        RegistryView view = view(e);
        String key = e.string("key");
        String name = e.string("name");
        ValueRef ref;
        try {
            ref = new ValueRef(checkedKey(key, e.sub("key")), view, name);
        } catch (IllegalArgumentException ex) {
            throw new Bad(e.sub("key"), JournalJson.oneLine(ex.getMessage()));
        }
        RuleId rule = constant(RuleId.class, e.string("rule"), e.sub("rule"));
        String reason = e.string("reason");
        Journal.State state = constant(Journal.State.class, e.string("state"), e.sub("state"));
        Optional<RegValue> before = value(e.obj("before"));
        Optional<RegValue> after = value(e.obj("after"));
        if (after.isEmpty()) {
            throw new Bad(e.sub("after.state"), "must be PRESENT: a fix writes a value, it never deletes one");
        }
        e.noOthers();
        return new Journal.Entry(ref, before, after.get(), rule, reason, state);
    }

    private static KeyRef keyRef(Obj k) {
        String key = k.string("key");
        RegistryView view = view(k);
        try {
            return new KeyRef(checkedKey(key, k.sub("key")), view);
        } catch (IllegalArgumentException ex) {
            throw new Bad(k.sub("key"), JournalJson.oneLine(ex.getMessage()));
        }
    }

    /** Only HKLM below the root: the tool never writes anywhere else, so a journal that says so is not ours. */
    private static String checkedKey(String key, String path) {
        if (!key.regionMatches(true, 0, "HKLM\\", 0, 5) || key.length() <= 5) {
            throw new Bad(path, "expected a key below HKLM\\, found \"" + JournalJson.oneLine(key) + "\"");
        }
        return key;
    }

    private static RegistryView view(Obj o) {
        String label = o.string("view");
        for (RegistryView v : RegistryView.values()) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        throw new Bad(o.sub("view"), "expected \"64-bit\" or \"32-bit\", found \"" + JournalJson.oneLine(label)
                + "\"");
    }

    /** {"state":"ABSENT"} or {"state":"PRESENT","type","typeCode","data"}. */
    private static Optional<RegValue> value(Obj v) {
        String state = v.string("state");
        if (state.equals("ABSENT")) {
            v.noOthers();
            return Optional.empty();
        }
        if (!state.equals("PRESENT")) {
            throw new Bad(v.sub("state"), "expected \"PRESENT\" or \"ABSENT\", found \"" + JournalJson.oneLine(state)
                    + "\"");
        }
        String type = v.string("type");
        JsonNode codeNode = v.req("typeCode");
        if (!codeNode.isIntegralNumber() || !codeNode.canConvertToLong() || codeNode.longValue() < 0
                || codeNode.longValue() > 0xFFFF_FFFFL) {
            throw new Bad(v.sub("typeCode"), "expected a registry type code 0-4294967295, found "
                    + describe(codeNode));
        }
        int code = (int) codeNode.longValue();
        if (!type.equals(JournalJson.typeName(code))) {
            throw new Bad(v.sub("type"), "\"" + JournalJson.oneLine(type) + "\" does not match typeCode "
                    + codeNode.longValue() + " (" + JournalJson.typeName(code) + ")");
        }
        String data = v.string("data");
        if (!HEX_DIGITS.matcher(data).matches()) {
            throw new Bad(v.sub("data"), "expected hex digits in pairs (the raw registry bytes)");
        }
        v.noOthers();
        return Optional.of(RegistryData.decode(code, HEX.parseHex(data)));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text, String path) {
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(text)) {
                return c;
            }
        }
        throw new Bad(path, "unknown " + type.getSimpleName() + " \"" + JournalJson.oneLine(text) + "\"");
    }

    static String describe(JsonNode n) {
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
            return "the number " + JournalJson.oneLine(n.asText());
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** One JSON object being read: checks types, remembers which fields were used, rejects the rest. */
    private static final class Obj {
        final JsonNode node;
        final String path;
        final Set<String> used = new HashSet<>();

        Obj(JsonNode node, String path) {
            if (!node.isObject()) {
                throw new Bad(path, "expected a JSON object, found " + describe(node));
            }
            this.node = node;
            this.path = path;
        }

        String sub(String field) {
            return path.equals("$") ? field : path + "." + field;
        }

        JsonNode req(String field) {
            used.add(field);
            JsonNode n = node.get(field);
            if (n == null) {
                throw new Bad(sub(field), "required field is missing");
            }
            return n;
        }

        String string(String field) {
            JsonNode n = req(field);
            if (!n.isTextual()) {
                throw new Bad(sub(field), "expected a string, found " + describe(n));
            }
            return n.textValue();
        }

        boolean bool(String field) {
            JsonNode n = req(field);
            if (!n.isBoolean()) {
                throw new Bad(sub(field), "expected true or false, found " + describe(n));
            }
            return n.booleanValue();
        }

        Obj obj(String field) {
            return new Obj(req(field), sub(field));
        }

        List<JsonNode> array(String field) {
            JsonNode n = req(field);
            if (!n.isArray()) {
                throw new Bad(sub(field), "expected an array, found " + describe(n));
            }
            List<JsonNode> out = new ArrayList<>(n.size());
            n.elements().forEachRemaining(out::add);
            return out;
        }

        void noOthers() {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                if (!used.contains(f)) {
                    throw new Bad(sub(JournalJson.oneLine(f)), "unknown field (this reader knows "
                            + Journal.SCHEMA + ")");
                }
            }
        }
    }
}
