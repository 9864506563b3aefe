package io.tlsready.regf;

import java.util.Objects;

/** A hive held in a byte array: for tests, fuzzing and small synthesized images. The array is not copied. */
public final class ByteArrayHiveImage implements HiveImage {

    private final byte[] bytes;

    public ByteArrayHiveImage(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public byte get(long off) {
        return bytes[index(off, 1)];
    }

    @Override
    public short getShort(long off) {
        int i = index(off, 2);
        return (short) ((bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8);
    }

    @Override
    public int getInt(long off) {
        int i = index(off, 4);
        return (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16 | (bytes[i + 3] & 0xFF) << 24;
    }

    @Override
    public long getLong(long off) {
        int i = index(off, 8);
        return (getInt(i) & 0xFFFF_FFFFL) | ((long) getInt(i + 4L)) << 32;
    }

    @Override
    public void get(long off, byte[] dst, int dstOff, int len) {
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        System.arraycopy(bytes, index(off, len), dst, dstOff, len);
    }

    private int index(long off, int len) {
        if (off < 0 || len < 0 || off > bytes.length - (long) len) {
            throw new HiveFormatException("read of " + len + " bytes at offset " + off + " is outside the "
                    + bytes.length + "-byte hive image");
        }
        return (int) off;
    }
}
