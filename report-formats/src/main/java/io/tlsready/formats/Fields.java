package io.tlsready.formats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object's fields in the order written. {@code Map.of} iterates in an order that changes from one JVM run to
 * the next, so a report built from it would differ between two runs over the same evidence; reports must diff clean.
 */
public final class Fields {

    private Fields() {
    }

    /** {@code of("name", h.host(), "kind", "module")}: keys at even positions, each followed by its value. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
