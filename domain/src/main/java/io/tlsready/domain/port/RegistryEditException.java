package io.tlsready.domain.port;

import java.util.Objects;

/**
 * A registry read or write that failed on one host, with the key it failed on and why. The message is one line:
 * {@code HOST: KEY: access denied}. Never carries a secret.
 */
public class RegistryEditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a call failed; the fix report words each for the admin. */
    public enum Cause {
        /** The account may not read or write the key (StdRegProv return 5, Windows ERROR_ACCESS_DENIED). */
        ACCESS_DENIED,
        /** The key (or a parent) does not exist (return 2, ERROR_FILE_NOT_FOUND). */
        KEY_MISSING,
        /** The host could not be reached, or the connection broke mid-call: the write may or may not have landed. */
        CONNECTION,
        /** Anything else the host answered, with its code. */
        OTHER
    }

    private final String host;
    private final String key;
    private final Cause cause;

    public RegistryEditException(String host, String key, Cause cause, String problem) {
        this(host, key, cause, problem, null);
    }

    public RegistryEditException(String host, String key, Cause cause, String problem, Throwable thrown) {
        super(Objects.requireNonNull(host, "host") + ": " + (key == null || key.isEmpty() ? "" : key + ": ")
                + Objects.requireNonNull(problem, "problem"), thrown);
        this.host = host;
        this.key = key == null ? "" : key;
        this.cause = Objects.requireNonNull(cause, "cause");
    }

    public String host() {
        return host;
    }

    /** The key the call was about, empty when the failure was not about one key. */
    public String key() {
        return key;
    }

    public Cause reason() {
        return cause;
    }
}
