package io.tlsready.adapters.winrm.kerberos;

/**
 * A Kerberos login, context or encrypted message failed. The message is one line a person understands; it never
 * carries a password or key.
 */
public final class KerberosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KerberosException(String message) {
        super(message);
    }

    public KerberosException(String message, Throwable cause) {
        super(message, cause);
    }
}
