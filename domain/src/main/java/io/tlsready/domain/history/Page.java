package io.tlsready.domain.history;

import java.util.List;

/** One page of a longer listing; {@code total} counts every item that matched, on all pages. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
