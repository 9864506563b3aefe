package io.tlsready.adapters.winrm.ntlm;

/**
 * An NTLM token, signature or encrypted WinRM body was malformed, hostile or did not verify, or the peer offered
 * too weak a protocol. The message is one line a person understands; it never contains a password, hash or key.
 */
public final class NtlmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NtlmException(String message) {
        super(message);
    }

    public NtlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
