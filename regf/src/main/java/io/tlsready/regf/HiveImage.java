package io.tlsready.regf;

/**
 * Random, little-endian access to the bytes of a hive file (base block at offset 0, hive bins from 4096).
 *
 * <p>The reader only ever reads through this interface, so an image may be a memory-mapped file, a byte array, or
 * an overlay that applies transaction-log pages over a base image. Every read outside {@code [0, size())} throws
 * {@link HiveFormatException}; implementations must be safe for concurrent reads.
 */
public interface HiveImage {

    /** Number of readable bytes. */
    long size();

    byte get(long off);

    short getShort(long off);

    int getInt(long off);

    long getLong(long off);

    /** Copies {@code len} bytes starting at {@code off} into {@code dst[dstOff..]}. */
    void get(long off, byte[] dst, int dstOff, int len);
}
