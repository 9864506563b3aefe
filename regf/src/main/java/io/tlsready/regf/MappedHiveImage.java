package io.tlsready.regf;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A hive file mapped read-only into memory: lookups touch only the pages they read, and nothing is copied to the heap.
 *
 * <p>A {@link MappedByteBuffer} is limited to 2 GiB, so the file is mapped in 1 GiB chunks. Each chunk maps 8 bytes
 * more than its share so that every scalar read (at most 8 bytes) falls inside one chunk. The mapping lives until the
 * image is garbage-collected (Java cannot unmap explicitly); the file channel itself is closed right after mapping.
 */
public final class MappedHiveImage implements HiveImage {

    private static final int CHUNK_SHIFT = 30;
    private static final long CHUNK = 1L << CHUNK_SHIFT;
    private static final long CHUNK_MASK = CHUNK - 1;
    private static final int OVERLAP = 8;

    private final String name;
    private final long size;
    private final MappedByteBuffer[] chunks;

    private MappedHiveImage(String name, long size, MappedByteBuffer[] chunks) {
        this.name = name;
        this.size = size;
        this.chunks = chunks;
    }

    /**
     * Maps {@code file} read-only.
     *
     * @throws IOException if the file cannot be opened or mapped
     */
    public static MappedHiveImage open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) Math.max(1, (size + CHUNK - 1) >>> CHUNK_SHIFT);
            MappedByteBuffer[] chunks = new MappedByteBuffer[n];
            for (int i = 0; i < n; i++) {
                long start = (long) i << CHUNK_SHIFT;
                long len = Math.min(size - start, CHUNK + OVERLAP);
                chunks[i] = ch.map(FileChannel.MapMode.READ_ONLY, start, len);
                chunks[i].order(ByteOrder.LITTLE_ENDIAN);
            }
            return new MappedHiveImage(file.toString(), size, chunks);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte get(long off) {
        check(off, 1);
        try {
            return chunks[(int) (off >>> CHUNK_SHIFT)].get((int) (off & CHUNK_MASK));
        } catch (InternalError e) {
            throw vanished(off, e);
        }
    }

    @Override
    public short getShort(long off) {
        check(off, 2);
        try {
            return chunks[(int) (off >>> CHUNK_SHIFT)].getShort((int) (off & CHUNK_MASK));
        } catch (InternalError e) {
            throw vanished(off, e);
        }
    }

    @Override
    public int getInt(long off) {
        check(off, 4);
        try {
            return chunks[(int) (off >>> CHUNK_SHIFT)].getInt((int) (off & CHUNK_MASK));
        } catch (InternalError e) {
            throw vanished(off, e);
        }
    }

    @Override
    public long getLong(long off) {
        check(off, 8);
        try {
            return chunks[(int) (off >>> CHUNK_SHIFT)].getLong((int) (off & CHUNK_MASK));
        } catch (InternalError e) {
            throw vanished(off, e);
        }
    }

    @Override
    public void get(long off, byte[] dst, int dstOff, int len) {
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        check(off, len);
        try {
            while (len > 0) {
                int within = (int) (off & CHUNK_MASK);
                int n = (int) Math.min(len, CHUNK - within);
                chunks[(int) (off >>> CHUNK_SHIFT)].get(within, dst, dstOff, n);
                off += n;
                dstOff += n;
                len -= n;
            }
        } catch (InternalError e) {
            throw vanished(off, e);
        }
    }

    private void check(long off, int len) {
        if (off < 0 || len < 0 || off > size - len) {
            throw new HiveFormatException(name + ": read of " + len + " bytes at offset " + off
                    + " is outside the " + size + "-byte file");
        }
    }

    /** The JVM reports a page fault on a mapped file (e.g. truncated by another process) as an InternalError. */
    private HiveFormatException vanished(long off, InternalError e) {
        return new HiveFormatException(name + ": file changed while mapped (read at offset " + off + " failed)", e);
    }
}
