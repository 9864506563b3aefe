package io.tlsready.adapters.windows.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Strict reading of one JSON tree: every field is typed and accounted for, and a problem is a {@link Bad} that names
 * its JSON path ("values[3].data"). Each codec turns it into an EvidenceException naming the file, and words its
 * problems through its own {@link Wording}.
 */
public final class StrictJson {

    /** For the static helpers, which name no schema. */
    private static final Wording KINDS = Wording.of("");

    private StrictJson() {
    }

    /** A format error with the JSON path first; turned into an EvidenceException naming the file. */
    public static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Bad(String path, String problem) {
            super(path + ": " + problem, null, false, false);
        }
    }

    /**
     * How one format words its problems: the schema an unknown field is measured against, how a node of the wrong
     * type is described ("found ..."), and how an unknown field's name is shown.
     */
    public record Wording(String schema, Function<JsonNode, String> found, UnaryOperator<String> fieldName) {

        /** Nodes described by {@link #kind}, field names shown as they are. */
        public static Wording of(String schema) {
            return new Wording(schema, StrictJson::kind, UnaryOperator.identity());
        }

        String text(JsonNode n, String path) {
            if (!n.isTextual()) {
                throw new Bad(path, "expected a string, found " + found.apply(n));
            }
            return n.textValue();
        }

        List<JsonNode> array(JsonNode n, String path) {
            if (!n.isArray()) {
                throw new Bad(path, "expected an array, found " + found.apply(n));
            }
            List<JsonNode> out = new ArrayList<>(n.size());
            n.elements().forEachRemaining(out::add);
            return out;
        }
    }

    /** One JSON object being read: checks types, remembers which fields were used, rejects the rest. */
    public static final class Obj {
        private final JsonNode node;
        private final String path;
        private final Wording wording;
        private final boolean ignoreUnknown;
        private final Set<String> used = new TreeSet<>();

        /** An object that allows no field it did not read. */
        public Obj(JsonNode node, String path, Wording wording) {
            this(node, path, wording, false);
        }

        /** With {@code ignoreUnknown}, fields no reader knows are skipped (a newer minor version added them). */
        public Obj(JsonNode node, String path, Wording wording, boolean ignoreUnknown) {
            if (!node.isObject()) {
                throw new Bad(path, "expected a JSON object, found " + wording.found().apply(node));
            }
            this.node = node;
            this.path = path;
            this.wording = wording;
            this.ignoreUnknown = ignoreUnknown;
        }

        public JsonNode node() {
            return node;
        }

        public String path() {
            return path;
        }

        /** The JSON path of one of this object's fields. */
        public String sub(String field) {
            return path.equals("$") ? field : path + "." + field;
        }

        public Optional<JsonNode> opt(String field) {
            used.add(field);
            return Optional.ofNullable(node.get(field));
        }

        public JsonNode req(String field) {
            return opt(field).orElseThrow(() -> new Bad(sub(field), "required field is missing"));
        }

        public String string(String field) {
            return wording.text(req(field), sub(field));
        }

        public Optional<String> optString(String field) {
            return opt(field).map(n -> wording.text(n, sub(field)));
        }

        public boolean bool(String field) {
            JsonNode n = req(field);
            if (!n.isBoolean()) {
                throw new Bad(sub(field), "expected true or false, found " + wording.found().apply(n));
            }
            return n.booleanValue();
        }

        public Obj obj(String field) {
            return new Obj(req(field), sub(field), wording, ignoreUnknown);
        }

        public List<JsonNode> array(String field) {
            return wording.array(req(field), sub(field));
        }

        /** Rejects every field not read. */
        public void noOthers() {
            noOthers(Set.of(), "");
        }

        /** Rejects fields not read; {@code known} fields get the more helpful "not allowed" message. */
        public void noOthers(Set<String> known, String whyNotAllowed) {
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
                    throw new Bad(sub(wording.fieldName().apply(f)), "unknown field (this reader knows "
                            + wording.schema() + ")");
                }
            }
        }
    }

    /** A string node's text; otherwise a {@link Bad} saying what {@link #kind} of node was found. */
    public static String text(JsonNode n, String path) {
        return KINDS.text(n, path);
    }

    /** "an object", "a number", "null", ...: what a node is, never its content. */
    public static String kind(JsonNode n) {
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

    /** An array node's elements; otherwise a {@link Bad} saying what {@link #kind} of node was found. */
    public static List<JsonNode> array(JsonNode n, String path) {
        return KINDS.array(n, path);
    }
}
