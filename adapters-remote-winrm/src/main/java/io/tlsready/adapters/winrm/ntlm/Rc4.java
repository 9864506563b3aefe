package io.tlsready.adapters.winrm.ntlm;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * An RC4 key state (MS-NLMP 3.1.5.1: "RC4 then continues to generate key stream in order over all messages of
 * the session, without rekeying"). Only {@link Cipher#update} is used: {@code doFinal} would reset the stream.
 * SunJCE names the algorithm "ARCFOUR" (alias "RC4"). Not thread-safe; callers synchronise.
 */
final class Rc4 {

    private static final String ALGORITHM = "ARCFOUR";

    private final Cipher cipher;

    /** RC4Init(Handle, key). */
    Rc4(byte[] key) {
        try {
            cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new NtlmException("RC4 is not available from the Java security providers", e);
        }
    }

    /** RC4(Handle, data): XOR with the next bytes of the key stream. */
    byte[] apply(byte[] data) {
        if (data.length == 0) {
            return new byte[0];
        }
        byte[] out = cipher.update(data);
        if (out == null || out.length != data.length) {
            throw new NtlmException("RC4 stream returned " + (out == null ? 0 : out.length) + " bytes for "
                    + data.length);
        }
        return out;
    }

    /** RC4K(key, data): a one-time RC4 instance (MS-NLMP 3.1.5.1). */
    static byte[] once(byte[] key, byte[] data) {
        return new Rc4(key).apply(data);
    }
}
