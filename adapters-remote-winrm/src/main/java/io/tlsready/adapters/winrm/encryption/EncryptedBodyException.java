package io.tlsready.adapters.winrm.encryption;

/**
 * An encrypted WinRM body was malformed, or its security context (NTLM or Kerberos) could not decrypt or verify it.
 * The message is one line a person understands; it never contains a key or the plaintext.
 */
public final class EncryptedBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EncryptedBodyException(String message) {
        super(message);
    }

    public EncryptedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
