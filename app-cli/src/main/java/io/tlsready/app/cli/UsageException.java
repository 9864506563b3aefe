package io.tlsready.app.cli;

/** A command line that names an impossible combination; reported in one line, exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
