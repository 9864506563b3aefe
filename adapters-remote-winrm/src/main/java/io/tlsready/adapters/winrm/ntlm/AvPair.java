package io.tlsready.adapters.winrm.ntlm;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One AV_PAIR (MS-NLMP 2.2.2.1): a 16-bit id and a value of up to 65535 bytes. Values are copied in and out.
 *
 * @param id the AvId wire code (kept as an int so unknown ids survive a decode/encode round trip)
 * @param value the raw value bytes
 */
public record AvPair(int id, byte[] value) {

    public AvPair {
        if ((id & ~0xffff) != 0) {
            throw new IllegalArgumentException("AvId out of range: " + id);
        }
        if (value.length > 0xffff) {
            throw new IllegalArgumentException("AV_PAIR value longer than 65535 bytes");
        }
        value = value.clone();
    }

    public static AvPair of(AvId id, byte[] value) {
        return new AvPair(id.code(), value);
    }

    public static AvPair ofString(AvId id, String value) {
        return new AvPair(id.code(), value.getBytes(Wire.UNICODE));
    }

    public static AvPair ofInt(AvId id, int value) {
        return new AvPair(id.code(), new Wire.Writer().u32(value).toByteArray());
    }

    public static AvPair ofLong(AvId id, long value) {
        return new AvPair(id.code(), new Wire.Writer().u64(value).toByteArray());
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value as a Unicode string (for the name pairs). */
    public String stringValue() {
        return new String(value, Wire.UNICODE);
    }

    /** The value as a little-endian 32-bit integer (MsvAvFlags). */
    public int intValue() {
        return new WireReader(value, "AV_PAIR " + id).u32(0, "value");
    }

    /** The value as a little-endian 64-bit integer (MsvAvTimestamp). */
    public long longValue() {
        return new WireReader(value, "AV_PAIR " + id).u64(0, "value");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AvPair && ((AvPair) other).id == id && Arrays.equals(((AvPair) other).value, value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        AvId known = AvId.of(id);
        String name = known == null ? String.format("0x%04x", id) : known.name();
        String shown = known != null && known.isString() ? '"' + stringValue() + '"' : HexFormat.of().formatHex(value);
        return name + "=" + shown;
    }
}
