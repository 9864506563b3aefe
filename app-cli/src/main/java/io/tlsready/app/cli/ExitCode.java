package io.tlsready.app.cli;

import io.tlsready.domain.report.ExitPolicy;

/**
 * The CLI's exit codes (design.md "CLI contract"); scripts and RMM tools rely on them. Which verdicts give which
 * code is decided once, by the domain's {@link ExitPolicy}; the codes only the CLI has (a signal, an incomplete
 * export) are its own.
 */
final class ExitCode {
    /** Every host READY. */
    static final int READY = ExitPolicy.READY;
    /** Some host NOT_READY. */
    static final int NOT_READY = ExitPolicy.NOT_READY;
    /** {@code plan --verify}: some file is not, or no longer, what tlsready wrote. */
    static final int PLAN_REJECTED = ExitPolicy.NOT_READY;
    /** Usage error or unreadable input. */
    static final int USAGE = ExitPolicy.UNUSABLE_INPUT;
    /** No host NOT_READY, but some UNKNOWN or unreachable. */
    static final int UNKNOWN = ExitPolicy.UNKNOWN;
    /**
     * Stopped by Ctrl-C (SIGINT) during a remote audit, after saying how to resume. SIGTERM exits with 143: both
     * are the JVM's 128 + signal number, the convention shells and schedulers read.
     */
    static final int INTERRUPTED = 130;

    /**
     * {@code hive export}: the .reg file was written, but keys or values whose names a .reg file cannot carry
     * (a line break, NUL or lone surrogate; a backslash inside a key name) were left out, each named on stderr.
     */
    static final int INCOMPLETE = 4;

    private ExitCode() {
    }
}
