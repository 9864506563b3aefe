package io.tlsready.adapters.windows.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of one JSON tree: every field is typed and accounted for, and a problem is a {@link Bad} that names
 * its JSON path ("values[3].data"). The snapshot decoder turns it into an EvidenceException naming the file.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** A format error with the JSON path first; turned into an EvidenceException naming the file. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String path, String problem) {
            super(path + ": " + problem, null, false, false);
        }
    }

    /** One JSON object being read: checks types, remembers which fields were used, rejects the rest. */
    static final class Obj {
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
                    throw new Bad(sub(f), "unknown field (this reader knows " + JsonSnapshot.SCHEMA + ")");
                }
            }
        }
    }

    static String text(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw new Bad(path, "expected a string, found " + kind(n));
        }
        return n.textValue();
    }

    static String kind(JsonNode n) {
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

    static List<JsonNode> array(JsonNode n, String path) {
        if (!n.isArray()) {
            throw new Bad(path, "expected an array, found " + kind(n));
        }
        List<JsonNode> out = new ArrayList<>(n.size());
        n.elements().forEachRemaining(out::add);
        return out;
    }
}
