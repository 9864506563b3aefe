package io.tlsready.domain.history;

import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule whose status differs between two consecutive reports of one host. Empty means the rule was not in
 * that report (an unreachable host has no findings at all).
 */
public record RuleChange(RuleId rule, Optional<Status> before, Optional<Status> after) {

    public RuleChange {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.equals(after)) {
            throw new IllegalArgumentException(rule + ": not a change: " + before);
        }
    }
}
