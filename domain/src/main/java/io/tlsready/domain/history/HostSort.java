package io.tlsready.domain.history;

/**
 * What a host listing is ordered by; hosts that tie are in name order ({@link HostKey}, ascending in both
 * directions).
 */
public enum HostSort {
    /** The host name, case-insensitively. */
    NAME,
    /** The verdict, in {@link io.tlsready.domain.report.Verdict}'s order: READY, NOT_READY, UNKNOWN. */
    VERDICT,
    /** When the latest report was made. */
    AUDITED,
    /** How many rules FAIL on the latest report. */
    FAILING
}
