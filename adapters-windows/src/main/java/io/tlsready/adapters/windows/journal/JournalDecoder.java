package io.tlsready.adapters.windows.journal;

import static io.tlsready.adapters.windows.json.ParseMessages.oneVisibleLine;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.adapters.windows.json.ParseMessages;
import io.tlsready.adapters.windows.json.StrictJson;
import io.tlsready.adapters.windows.json.StrictJson.Bad;
import io.tlsready.adapters.windows.json.StrictJson.Obj;
import io.tlsready.adapters.windows.json.StrictJson.Wording;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the JSON tree of a {@code tlsready.journal/v1} file back into a {@link Journal}. Exact: every field is
 * required and typed, no other field is allowed, and the first problem is a {@link Bad} naming its JSON path
 * ({@code entries[2].before.data}), read through {@link StrictJson}. A journal drives registry writes, so nothing is
 * guessed.
 */
final class JournalDecoder {

    private static final Pattern HEX_DIGITS = Pattern.compile("(?:[0-9a-fA-F]{2})*");
    private static final HexFormat HEX = HexFormat.of();
    /** Numbers are described with their digits; unknown field names are shown terminal-safe. */
    private static final Wording WORDING =
            new Wording(Journal.SCHEMA, JournalDecoder::describe, ParseMessages::oneVisibleLine);

    private JournalDecoder() {
    }

    static Journal journal(JsonNode root) {
        Obj o = new Obj(root, "$", WORDING);
        String schema = o.string("schema");
        if (!schema.equals(Journal.SCHEMA)) {
            throw new Bad("schema", "unsupported schema \"" + oneVisibleLine(schema) + "\"; this tlsready reads "
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
            Obj k = new Obj(keyNodes.get(i), "createdKeys[" + i + "]", WORDING);
            KeyRef key = keyRef(k);
            k.noOthers();
            if (!seenKeys.add(key)) {
                throw new Bad(k.path(), "duplicate key " + oneVisibleLine(key.toString()));
            }
            createdKeys.add(key);
        }
        List<Journal.Entry> entries = new ArrayList<>();
        Set<ValueRef> seenValues = new HashSet<>();
        List<JsonNode> entryNodes = o.array("entries");
        for (int i = 0; i < entryNodes.size(); i++) {
            Journal.Entry e = entry(new Obj(entryNodes.get(i), "entries[" + i + "]", WORDING));
            if (!seenValues.add(e.ref())) {
                throw new Bad("entries[" + i + "]", "duplicate value " + oneVisibleLine(e.ref().toString()));
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
            throw new Bad(e.sub("key"), oneVisibleLine(ex.getMessage()));
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
            throw new Bad(k.sub("key"), oneVisibleLine(ex.getMessage()));
        }
    }

    /** Only HKLM below the root: the tool never writes anywhere else, so a journal that says so is not ours. */
    private static String checkedKey(String key, String path) {
        if (!key.regionMatches(true, 0, "HKLM\\", 0, 5) || key.length() <= 5) {
            throw new Bad(path, "expected a key below HKLM\\, found \"" + oneVisibleLine(key) + "\"");
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
        throw new Bad(o.sub("view"), "expected \"64-bit\" or \"32-bit\", found \"" + oneVisibleLine(label)
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
            throw new Bad(v.sub("state"), "expected \"PRESENT\" or \"ABSENT\", found \"" + oneVisibleLine(state)
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
            throw new Bad(v.sub("type"), "\"" + oneVisibleLine(type) + "\" does not match typeCode "
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
        throw new Bad(path, "unknown " + type.getSimpleName() + " \"" + oneVisibleLine(text) + "\"");
    }

    /** As {@link StrictJson#kind}, but a number is shown: "expected a port number 0-65535, found the number 70000". */
    static String describe(JsonNode n) {
        return n.isNumber() ? "the number " + oneVisibleLine(n.asText()) : StrictJson.kind(n);
    }
}
