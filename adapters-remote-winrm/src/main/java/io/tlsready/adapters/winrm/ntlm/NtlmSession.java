package io.tlsready.adapters.winrm.ntlm;

import java.util.Arrays;

/**
 * NTLM session security for a connection-oriented context (MS-NLMP 3.4) with extended session security:
 * two independent directions, each with its signing key, a continuing RC4 stream and its own sequence number
 * starting at 0. A client session seals with the client-to-server keys and unseals with the server-to-client keys;
 * a server session the reverse. Signatures are NTLMSSP_MESSAGE_SIGNATURE for Extended Session Security
 * (2.2.2.9.2). After a failed {@link #unseal} the inbound RC4 stream has advanced; the session must be dropped.
 */
public final class NtlmSession {

    /** Length of an NTLMSSP_MESSAGE_SIGNATURE. */
    public static final int SIGNATURE_LENGTH = 16;
    private static final int SIGNATURE_VERSION = 1;

    private final Direction outbound;
    private final Direction inbound;

    private NtlmSession(byte[] exportedSessionKey, int flags, boolean client) {
        if (exportedSessionKey.length != 16) {
            throw new IllegalArgumentException("the ExportedSessionKey must be 16 bytes");
        }
        boolean keyExchange = NegotiateFlags.has(flags, NegotiateFlags.NEGOTIATE_KEY_EXCH);
        this.outbound = new Direction(NtlmCrypto.signKey(flags, exportedSessionKey, client),
                NtlmCrypto.sealKey(flags, exportedSessionKey, client), keyExchange);
        this.inbound = new Direction(NtlmCrypto.signKey(flags, exportedSessionKey, !client),
                NtlmCrypto.sealKey(flags, exportedSessionKey, !client), keyExchange);
    }

    /** The client side of a context: seals client-to-server, unseals server-to-client. */
    public static NtlmSession client(byte[] exportedSessionKey, int negotiatedFlags) {
        return new NtlmSession(exportedSessionKey, negotiatedFlags, true);
    }

    /** The server side of a context: seals server-to-client, unseals client-to-server. */
    public static NtlmSession server(byte[] exportedSessionKey, int negotiatedFlags) {
        return new NtlmSession(exportedSessionKey, negotiatedFlags, false);
    }

    /**
     * SEAL (3.4.3): RC4-encrypts the message, then signs the plaintext with MAC (3.4.4.2), whose checksum is
     * RC4-encrypted with the same continuing stream when KEY_EXCH was negotiated.
     */
    public Sealed seal(byte[] message) {
        return outbound.seal(message);
    }

    /** Decrypts and verifies; a wrong checksum or sequence number is "message signature mismatch". */
    public byte[] unseal(byte[] signature, byte[] sealed) {
        return inbound.unseal(signature, sealed);
    }

    /** A sealed message: the 16-byte NTLMSSP_MESSAGE_SIGNATURE and the encrypted bytes (same length as input). */
    public record Sealed(byte[] signature, byte[] message) {

        public Sealed {
            signature = signature.clone();
            message = message.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sealed && Arrays.equals(((Sealed) other).signature, signature)
                    && Arrays.equals(((Sealed) other).message, message);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(signature) + Arrays.hashCode(message);
        }

        @Override
        public String toString() {
            return "Sealed[" + message.length + " bytes]";
        }
    }

    /** One direction's keys, RC4 handle and sequence number. */
    private static final class Direction {
        private final byte[] signingKey;
        private final Rc4 handle;
        private final boolean keyExchange;
        private int sequenceNumber;

        Direction(byte[] signingKey, byte[] sealingKey, boolean keyExchange) {
            this.signingKey = signingKey;
            this.handle = new Rc4(sealingKey);
            this.keyExchange = keyExchange;
        }

        synchronized Sealed seal(byte[] message) {
            byte[] sealed = handle.apply(message);
            byte[] signature = signature(message, sequenceNumber);
            sequenceNumber++;
            return new Sealed(signature, sealed);
        }

        synchronized byte[] unseal(byte[] signature, byte[] sealed) {
            if (signature == null || signature.length != SIGNATURE_LENGTH || sealed == null) {
                throw new NtlmException("message signature mismatch: the signature is not "
                        + SIGNATURE_LENGTH + " bytes");
            }
            byte[] message = handle.apply(sealed);
            byte[] expected = signature(message, sequenceNumber);
            if (!NtlmCrypto.same(expected, signature)) {
                throw new NtlmException("message signature mismatch");
            }
            sequenceNumber++;
            return message;
        }

        /** MAC (3.4.4.2): Version 1, HMAC_MD5(SigningKey, SeqNum || Message)[0..7] (RC4'd with KEY_EXCH), SeqNum. */
        private byte[] signature(byte[] message, int seq) {
            byte[] seqBytes = new Wire.Writer().u32(seq).toByteArray();
            byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(signingKey, seqBytes, message), 8);
            if (keyExchange) {
                checksum = handle.apply(checksum);
            }
            return new Wire.Writer().u32(SIGNATURE_VERSION).bytes(checksum).u32(seq).toByteArray();
        }
    }
}
