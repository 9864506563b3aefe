package io.tlsready.adapters.winrm.ntlm;

import java.security.SecureRandom;

/** NONCE(N) of MS-NLMP section 6; tests substitute fixed values to reproduce the section 4.2 vectors. */
@FunctionalInterface
public interface NonceSource {

    /** {@code length} cryptographic-strength random bytes. */
    byte[] nonce(int length);

    /** A {@link SecureRandom}-backed source. */
    static NonceSource secure() {
        SecureRandom random = new SecureRandom();
        return length -> {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        };
    }
}
