package io.tlsready.domain.history;

import java.util.Comparator;
import java.util.Objects;

/** Why hosts could not be audited, and how many: hosts whose latest report has this {@link FailureCause}. */
public record CauseCount(FailureCause cause, long hosts) {

    /** Most hosts first; ties in the enum's order. */
    public static final Comparator<CauseCount> MOST_HOSTS_FIRST = Comparator.comparingLong(CauseCount::hosts)
            .reversed().thenComparing(CauseCount::cause);

    public CauseCount {
        Objects.requireNonNull(cause, "cause");
        if (hosts < 1) {
            throw new IllegalArgumentException(cause + ": a listed cause has at least one host: " + hosts);
        }
    }
}
