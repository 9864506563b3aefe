package io.tlsready.domain.report;

import java.util.Map;
import java.util.Objects;

/**
 * The exit-code rule of design.md ("CLI contract"), in one place: a report, a fleet tally and a plan all map
 * their verdicts to a code through {@link #of(VerdictCounts)}, so scripts and RMM tools read the same number
 * whatever the command. The apps keep their own names for the codes; the numbers are decided here.
 */
public final class ExitPolicy {

    /** Every host READY. */
    public static final int READY = 0;
    /** Some host NOT_READY. */
    public static final int NOT_READY = 1;
    /** Usage error or unreadable input. */
    public static final int UNUSABLE_INPUT = 2;
    /** No host NOT_READY, but some UNKNOWN or unreachable (or none audited). */
    public static final int UNKNOWN = 3;

    /**
     * An exit code with the reason it was chosen, for messages and tests.
     *
     * @param code   the process exit code
     * @param reason why, in words a person reads ("2 hosts NOT_READY")
     */
    public record Outcome(int code, String reason) {
        public Outcome {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * How many hosts ended with each verdict.
     *
     * @param unreachable how many of the UNKNOWN hosts could not be audited at all (counted in {@code unknown} too)
     */
    public record VerdictCounts(int ready, int notReady, int unknown, int unreachable) {

        public VerdictCounts {
            if (ready < 0 || notReady < 0 || unknown < 0 || unreachable < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }

        public static VerdictCounts of(Map<Verdict, Integer> counts, int unreachable) {
            return new VerdictCounts(counts.getOrDefault(Verdict.READY, 0), counts.getOrDefault(Verdict.NOT_READY, 0),
                    counts.getOrDefault(Verdict.UNKNOWN, 0), unreachable);
        }

        /** A report's hosts; those with an error (not audited at all) are the unreachable ones. */
        public static VerdictCounts of(AuditReport report) {
            int unreachable = (int) report.hosts().stream().filter(h -> h.error().isPresent()).count();
            return of(report.verdictCounts(), unreachable);
        }

        /** One host: what {@code plan} and a single-host audit answer for. */
        public static VerdictCounts of(Verdict one) {
            return new VerdictCounts(one == Verdict.READY ? 1 : 0, one == Verdict.NOT_READY ? 1 : 0,
                    one == Verdict.UNKNOWN ? 1 : 0, 0);
        }

        public int total() {
            return ready + notReady + unknown;
        }
    }

    private ExitPolicy() {
    }

    /** 1 if any host is NOT_READY; else 3 if any is UNKNOWN or unreachable, or none was audited; else 0. */
    public static Outcome of(VerdictCounts c) {
        if (c.notReady() > 0) {
            return new Outcome(NOT_READY, c.notReady() + " of " + c.total() + " host(s) NOT_READY");
        }
        if (c.unknown() > 0) {
            return new Outcome(UNKNOWN, "no host NOT_READY, but " + c.unknown() + " UNKNOWN"
                    + (c.unreachable() > 0 ? " (" + c.unreachable() + " unreachable)" : ""));
        }
        if (c.total() == 0) {
            return new Outcome(UNKNOWN, "no host was audited");
        }
        return new Outcome(READY, "every host READY");
    }

    /** The verdicts of a report's hosts. */
    public static Outcome of(AuditReport report) {
        return of(VerdictCounts.of(report));
    }

    /** One host's verdict ({@code plan}). */
    public static Outcome of(Verdict verdict) {
        return of(VerdictCounts.of(verdict));
    }

    /**
     * {@code plan --verify}: 2 when a file cannot be read, else 1 when a file is not (or no longer) what tlsready
     * wrote, else 0.
     */
    public static Outcome ofPlanCheck(int checked, int rejected, int unreadable) {
        if (unreadable > 0) {
            return new Outcome(UNUSABLE_INPUT, unreadable + " of " + checked + " file(s) cannot be read");
        }
        if (rejected > 0) {
            return new Outcome(NOT_READY, rejected + " of " + checked + " file(s) rejected");
        }
        return new Outcome(READY, "every file is what tlsready wrote");
    }
}
