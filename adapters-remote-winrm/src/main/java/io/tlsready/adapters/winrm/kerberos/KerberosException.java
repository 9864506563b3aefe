package io.tlsready.adapters.winrm.kerberos;

import io.tlsready.domain.port.HintedText;

/**
 * A Kerberos login, context or encrypted message failed. The message is one line a person understands; it never
 * carries a password or key.
 */
public final class KerberosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient HintedText hinted;

    public KerberosException(String message) {
        this(message, null);
    }

    public KerberosException(String message, Throwable cause) {
        this(HintedText.plain(message), cause);
    }

    public KerberosException(HintedText message, Throwable cause) {
        super(message.neutral(), cause);
        this.hinted = message;
    }

    /** The message with its hints (what the user can do), for the app to word. */
    public HintedText hinted() {
        return hinted;
    }
}
