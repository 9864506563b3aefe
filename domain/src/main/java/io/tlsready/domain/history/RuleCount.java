package io.tlsready.domain.history;

import io.tlsready.domain.rules.RuleId;
import java.util.Comparator;
import java.util.Objects;

/** A rule that FAILs on hosts' latest reports, and on how many hosts: what to fix first. */
public record RuleCount(RuleId rule, long hosts) {

    /** Most hosts first; ties in rule-book order. */
    public static final Comparator<RuleCount> MOST_HOSTS_FIRST = Comparator.comparingLong(RuleCount::hosts).reversed()
            .thenComparing(RuleCount::rule);

    public RuleCount {
        Objects.requireNonNull(rule, "rule");
        if (hosts < 1) {
            throw new IllegalArgumentException(rule + ": a failing rule fails on at least one host: " + hosts);
        }
    }
}
