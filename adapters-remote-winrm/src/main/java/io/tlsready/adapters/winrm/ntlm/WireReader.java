package io.tlsready.adapters.winrm.ntlm;

import java.util.Arrays;

/**
 * Bounds-checked little-endian reads from an NTLM token (MS-NLMP 2.2: all multi-byte values are little-endian).
 * Every read outside the token becomes an {@link NtlmException} naming the field, never an index exception.
 */
final class WireReader {

    private final byte[] data;
    private final String what;
    private final int payloadFloor;

    WireReader(byte[] data, String what) {
        this(data, what, 0);
    }

    /** A reader whose payload fields must not point into the first {@code payloadFloor} (header) bytes. */
    WireReader(byte[] data, String what, int payloadFloor) {
        this.data = data;
        this.what = what;
        this.payloadFloor = payloadFloor;
    }

    int length() {
        return data.length;
    }

    void require(int offset, int length, String field) {
        if (offset < 0 || length < 0 || (long) offset + length > data.length) {
            throw new NtlmException(what + ": " + field + " lies outside the message (offset " + (offset & 0xffffffffL)
                    + ", length " + length + ", message length " + data.length + ")");
        }
    }

    int u8(int offset, String field) {
        require(offset, 1, field);
        return data[offset] & 0xff;
    }

    int u16(int offset, String field) {
        require(offset, 2, field);
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    int u32(int offset, String field) {
        require(offset, 4, field);
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8 | (data[offset + 2] & 0xff) << 16
                | (data[offset + 3] & 0xff) << 24;
    }

    long u64(int offset, String field) {
        return (u32(offset, field) & 0xffffffffL) | ((long) u32(offset + 4, field)) << 32;
    }

    byte[] bytes(int offset, int length, String field) {
        require(offset, length, field);
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /**
     * A payload reference (Len, MaxLen, BufferOffset at {@code fieldsOffset}, MS-NLMP 2.2.1) resolved to its bytes.
     * MaxLen is ignored on receipt, as the spec requires; an empty field yields an empty array whatever its offset.
     */
    byte[] payload(int fieldsOffset, String field) {
        int len = u16(fieldsOffset, field + "Len");
        long offset = u32(fieldsOffset + 4, field + "BufferOffset") & 0xffffffffL;
        if (len == 0) {
            return new byte[0];
        }
        if (offset < payloadFloor) {
            throw new NtlmException(what + ": " + field + " overlaps the fixed header (offset " + offset + ")");
        }
        if (offset + len > data.length) {
            throw new NtlmException(what + ": " + field + " lies outside the message (offset " + offset + ", length "
                    + len + ", message length " + data.length + ")");
        }
        return Arrays.copyOfRange(data, (int) offset, (int) offset + len);
    }

    /** The offset of a non-empty payload field, or {@code Long.MAX_VALUE} when it is empty. */
    long payloadStart(int fieldsOffset, String field) {
        int len = u16(fieldsOffset, field + "Len");
        return len == 0 ? Long.MAX_VALUE : u32(fieldsOffset + 4, field + "BufferOffset") & 0xffffffffL;
    }

    /** A string payload field in Unicode (UTF-16LE, even length required) or the OEM character set. */
    String string(int fieldsOffset, String field, boolean unicode) {
        byte[] raw = payload(fieldsOffset, field);
        if (unicode && raw.length % 2 != 0) {
            throw new NtlmException(what + ": " + field + " is Unicode but has an odd length (" + raw.length + ")");
        }
        return new String(raw, unicode ? Wire.UNICODE : Wire.OEM);
    }
}
