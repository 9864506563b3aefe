package io.tlsready.domain.history;

import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which latest host reports to list and in what order: every filter that is present must hold. Hosts come
 * {@code sort}ed ({@link HostSort#NAME} by default; ties by name, ascending), {@code limit} at a time from
 * {@code offset}. Built fluently: {@code HostQuery.all(0, 50).withVerdict(NOT_READY).sortedBy(FAILING, true)}.
 *
 * @param cause        the {@link FailureCause} of hosts that could not be audited
 * @param nameContains a case-insensitive substring of the host name
 * @param descending   whether {@code sort} runs from high to low (ties stay in ascending name order)
 */
public record HostQuery(Optional<Verdict> verdict, Optional<RuleId> failingRule, Optional<FailureCause> cause,
        Optional<String> nameContains, HostSort sort, boolean descending, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public HostQuery {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(failingRule, "failingRule");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(nameContains, "nameContains");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    /** Every host, by name. */
    public static HostQuery all(int offset, int limit) {
        return new HostQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), HostSort.NAME,
                false, offset, limit);
    }

    public HostQuery withVerdict(Verdict v) {
        return new HostQuery(Optional.of(v), failingRule, cause, nameContains, sort, descending, offset, limit);
    }

    public HostQuery withFailingRule(RuleId rule) {
        return new HostQuery(verdict, Optional.of(rule), cause, nameContains, sort, descending, offset, limit);
    }

    public HostQuery withCause(FailureCause c) {
        return new HostQuery(verdict, failingRule, Optional.of(c), nameContains, sort, descending, offset, limit);
    }

    public HostQuery withNameContaining(String part) {
        return new HostQuery(verdict, failingRule, cause, Optional.of(part), sort, descending, offset, limit);
    }

    public HostQuery sortedBy(HostSort by, boolean desc) {
        return new HostQuery(verdict, failingRule, cause, nameContains, by, desc, offset, limit);
    }

    /** The same filters and order, another page. */
    public HostQuery page(int newOffset, int newLimit) {
        return new HostQuery(verdict, failingRule, cause, nameContains, sort, descending, newOffset, newLimit);
    }
}
