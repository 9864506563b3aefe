package io.tlsready.domain.history;

import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which latest host reports to list: every filter that is present must hold. Hosts come in name order
 * (by {@link HostKey}), {@code limit} at a time from {@code offset}.
 *
 * @param nameContains a case-insensitive substring of the host name
 */
public record HostQuery(Optional<Verdict> verdict, Optional<RuleId> failingRule, Optional<String> nameContains,
        int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public HostQuery {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(failingRule, "failingRule");
        Objects.requireNonNull(nameContains, "nameContains");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    public static HostQuery all(int offset, int limit) {
        return new HostQuery(Optional.empty(), Optional.empty(), Optional.empty(), offset, limit);
    }
}
