package io.tlsready.app.rest.serve;

/** Why {@code serve} stops before or instead of serving: one line for stderr and the exit code to end with. */
final class ServeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code of a bad option value, file or name (as a usage error). */
    static final int BAD_INPUT = 2;
    /** Exit code when the port cannot be bound or the database cannot be reached. */
    static final int UNAVAILABLE = 3;

    private final int exitCode;

    ServeFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    ServeFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static ServeFailure badInput(String message) {
        return new ServeFailure(BAD_INPUT, message);
    }

    int exitCode() {
        return exitCode;
    }
}
