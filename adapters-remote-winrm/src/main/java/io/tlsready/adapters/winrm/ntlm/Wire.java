package io.tlsready.adapters.winrm.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Shared constants and little-endian writing for the NTLM message codecs (MS-NLMP 2.2). */
final class Wire {

    /** "NTLMSSP\0" (MS-NLMP 2.2). */
    static final byte[] SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};
    static final Charset UNICODE = StandardCharsets.UTF_16LE;
    /** The OEM character set is agreed out of band (MS-NLMP 2.2); Latin-1 maps every byte and never fails. */
    static final Charset OEM = StandardCharsets.ISO_8859_1;
    /** Upper bound for any token we parse: the largest legal message is far smaller. */
    static final int MAX_MESSAGE = 64 * 1024;

    private Wire() {
    }

    /** Checks length bounds, the NTLMSSP signature and the MessageType; returns a reader over the token. */
    static WireReader open(byte[] token, int expectedType, String what, int minimumLength) {
        if (token == null) {
            throw new NtlmException(what + ": no token");
        }
        if (token.length > MAX_MESSAGE) {
            throw new NtlmException(what + ": token of " + token.length + " bytes exceeds " + MAX_MESSAGE);
        }
        if (token.length < minimumLength) {
            throw new NtlmException(what + ": token of " + token.length + " bytes is shorter than the "
                    + minimumLength + "-byte header");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (token[i] != SIGNATURE[i]) {
                throw new NtlmException(what + ": missing the NTLMSSP signature");
            }
        }
        WireReader reader = new WireReader(token, what, minimumLength);
        int type = reader.u32(8, "MessageType");
        if (type != expectedType) {
            throw new NtlmException(what + ": MessageType is " + type + ", expected " + expectedType);
        }
        return reader;
    }

    static byte[] encodeString(String value, boolean unicode) {
        return value == null ? new byte[0] : value.getBytes(unicode ? UNICODE : OEM);
    }

    /** A little-endian byte sink with support for (Len, MaxLen, Offset) payload references. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u8(int value) {
            out.write(value);
            return this;
        }

        Writer u16(int value) {
            out.write(value);
            out.write(value >>> 8);
            return this;
        }

        Writer u32(int value) {
            u16(value);
            return u16(value >>> 16);
        }

        Writer u64(long value) {
            u32((int) value);
            return u32((int) (value >>> 32));
        }

        Writer bytes(byte[] value) {
            out.write(value, 0, value.length);
            return this;
        }

        Writer zeros(int count) {
            return bytes(new byte[count]);
        }

        /** Writes the 8-byte field for {@code value} placed at {@code offset}; returns the offset after it. */
        int field(byte[] value, int offset) {
            if (value.length > 0xffff) {
                throw new NtlmException("NTLM payload field of " + value.length + " bytes exceeds 65535");
            }
            u16(value.length).u16(value.length).u32(offset);
            return offset + value.length;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
