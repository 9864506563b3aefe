package io.tlsready.domain.history;

import io.tlsready.domain.report.Verdict;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The fleet at the end of one UTC day: how many hosts had each verdict by their latest report as of that day's
 * end. Hosts not yet seen that day do not count.
 */
public record DailyVerdicts(LocalDate day, int ready, int notReady, int unknown) {

    public DailyVerdicts {
        Objects.requireNonNull(day, "day");
        if (ready < 0 || notReady < 0 || unknown < 0) {
            throw new IllegalArgumentException(day + ": counts are 0 or more: " + ready + "/" + notReady + "/"
                    + unknown);
        }
    }

    public int count(Verdict verdict) {
        return switch (verdict) {
            case READY -> ready;
            case NOT_READY -> notReady;
            case UNKNOWN -> unknown;
        };
    }

    public int hosts() {
        return ready + notReady + unknown;
    }
}
