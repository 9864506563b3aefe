package io.tlsready.adapters.windows.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each entry of a snapshot's {@code values[]} and {@code keys[]} is in the file: the line of its {@code name}
 * (a value) or {@code key} (a key) field, for the file and line evidence carries (SARIF). A second, streaming pass over
 * bytes the tree parser has already accepted; 0 where no line was found (a hand-written entry without the field).
 */
record SnapshotLines(List<Integer> values, List<Integer> keys) {

    static final SnapshotLines NONE = new SnapshotLines(List.of(), List.of());

    static SnapshotLines of(byte[] bytes) {
        List<Integer> values = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        try (JsonParser p = JsonSnapshot.Json.MAPPER.getFactory().createParser(bytes)) {
            int depth = 0;
            List<Integer> array = null;
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth == 2 && t == JsonToken.START_ARRAY) {
                            array = "values".equals(field) ? values : "keys".equals(field) ? keys : null;
                        } else if (depth == 3 && array != null && t == JsonToken.START_OBJECT) {
                            array.add(0);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            array = null;
                        }
                    }
                    case FIELD_NAME -> {
                        field = p.currentName();
                        boolean named = array == values ? "name".equals(field) : "key".equals(field);
                        if (depth == 3 && array != null && named && !array.isEmpty()) {
                            array.set(array.size() - 1, p.currentLocation().getLineNr());
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            return NONE; // the tree parser reports what is wrong with the file
        }
        return new SnapshotLines(List.copyOf(values), List.copyOf(keys));
    }

    static int at(List<Integer> lines, int index) {
        return index < lines.size() ? lines.get(index) : 0;
    }
}
