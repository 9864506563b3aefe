package io.tlsready.app.cli;

/** The CLI's exit codes (design.md "CLI contract"); scripts and RMM tools rely on them. */
final class ExitCode {
    /** Every host READY. */
    static final int READY = 0;
    /** Some host NOT_READY. */
    static final int NOT_READY = 1;
    /** Usage error or unreadable input. */
    static final int USAGE = 2;
    /** No host NOT_READY, but some UNKNOWN or unreachable. */
    static final int UNKNOWN = 3;

    private ExitCode() {
    }
}
