package io.tlsready.regf;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A hive image made of a base image (usually a {@link MappedHiveImage} of the primary file) plus replaced 4096-byte
 * pages: what a transaction-log replay produces. Only the replaced pages live on the heap, so recovering a large hive
 * costs memory proportional to its dirty data, never to its size. The image may be longer than the base (a log entry
 * can grow the hive bins); bytes beyond the base that no page replaces read as zero.
 *
 * <p>Immutable once built, hence safe for concurrent reads.
 */
final class OverlayHiveImage implements HiveImage {

    static final int PAGE_SHIFT = 12;
    static final int PAGE = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE - 1;

    private final HiveImage base;
    private final long baseSize;
    private final long size;
    /** Sorted page numbers (file offset / 4096) of the replaced pages; pages[i] holds page pageNumbers[i]. */
    private final long[] pageNumbers;
    private final byte[][] pages;

    private OverlayHiveImage(HiveImage base, long size, long[] pageNumbers, byte[][] pages) {
        this.base = base;
        this.baseSize = base.size();
        this.size = size;
        this.pageNumbers = pageNumbers;
        this.pages = pages;
    }

    /** The image the pages are laid over. */
    HiveImage base() {
        return base;
    }

    /** Number of replaced 4096-byte pages. */
    int pageCount() {
        return pages.length;
    }

    /** Heap bytes held for replaced pages (page data plus the page index), excluding the base image. */
    long heapBytes() {
        return (long) pages.length * (PAGE + 16 + 8 + 8);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte get(long off) {
        check(off, 1);
        byte[] page = page(off >>> PAGE_SHIFT);
        if (page != null) {
            return page[(int) (off & PAGE_MASK)];
        }
        return off < baseSize ? base.get(off) : 0;
    }

    @Override
    public short getShort(long off) {
        check(off, 2);
        return (short) readSmall(off, 2);
    }

    @Override
    public int getInt(long off) {
        check(off, 4);
        return (int) readSmall(off, 4);
    }

    @Override
    public long getLong(long off) {
        check(off, 8);
        return readSmall(off, 8);
    }

    @Override
    public void get(long off, byte[] dst, int dstOff, int len) {
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        check(off, len);
        while (len > 0) {
            int within = (int) (off & PAGE_MASK);
            int n = Math.min(len, PAGE - within);
            byte[] page = page(off >>> PAGE_SHIFT);
            if (page != null) {
                System.arraycopy(page, within, dst, dstOff, n);
            } else {
                copyFromBase(off, dst, dstOff, n);
            }
            off += n;
            dstOff += n;
            len -= n;
        }
    }

    /** Little-endian read of 2, 4 or 8 bytes. */
    private long readSmall(long off, int n) {
        int within = (int) (off & PAGE_MASK);
        if (within + n <= PAGE) {
            byte[] page = page(off >>> PAGE_SHIFT);
            if (page == null && off + n <= baseSize) {
                switch (n) {
                    case 2:
                        return base.getShort(off);
                    case 4:
                        return base.getInt(off);
                    default:
                        return base.getLong(off);
                }
            }
            if (page != null) {
                long v = 0;
                for (int i = n - 1; i >= 0; i--) {
                    v = v << 8 | (page[within + i] & 0xFF);
                }
                return signExtend(v, n);
            }
        }
        // Straddles a page boundary or the end of the base: assemble byte by byte.
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (get(off + i) & 0xFF);
        }
        return signExtend(v, n);
    }

    private static long signExtend(long v, int n) {
        int shift = 64 - 8 * n;
        return shift == 0 ? v : v << shift >> shift;
    }

    private void copyFromBase(long off, byte[] dst, int dstOff, int n) {
        int fromBase = (int) Math.max(0, Math.min(n, baseSize - off));
        if (fromBase > 0) {
            base.get(off, dst, dstOff, fromBase);
        }
        Arrays.fill(dst, dstOff + fromBase, dstOff + n, (byte) 0);
    }

    private byte[] page(long number) {
        if (pageNumbers.length == 0) {
            return null;
        }
        int i = Arrays.binarySearch(pageNumbers, number);
        return i >= 0 ? pages[i] : null;
    }

    private void check(long off, int len) {
        if (off < 0 || len < 0 || off > size - len) {
            throw new HiveFormatException("read of " + len + " bytes at offset " + off + " is outside the "
                    + size + "-byte recovered hive image");
        }
    }

    /** Collects page writes in file order of arrival (later writes win), then freezes them into an image. */
    static final class Builder {

        private final HiveImage base;
        private final Map<Long, byte[]> pages = new TreeMap<>();
        private long size;

        Builder(HiveImage base) {
            this.base = Objects.requireNonNull(base, "base");
            this.size = base.size();
        }

        /** Makes the image at least {@code newSize} bytes long (new bytes read as zero unless written). */
        Builder growTo(long newSize) {
            size = Math.max(size, newSize);
            return this;
        }

        long size() {
            return size;
        }

        /** Writes {@code src[srcOff..srcOff+len)} at file offset {@code off}, growing the image if needed. */
        Builder write(long off, byte[] src, int srcOff, int len) {
            Objects.checkFromIndexSize(srcOff, len, src.length);
            if (off < 0) {
                throw new IllegalArgumentException("negative offset " + off);
            }
            growTo(off + len);
            while (len > 0) {
                int within = (int) (off & PAGE_MASK);
                int n = Math.min(len, PAGE - within);
                System.arraycopy(src, srcOff, pageForWrite(off >>> PAGE_SHIFT), within, n);
                off += n;
                srcOff += n;
                len -= n;
            }
            return this;
        }

        /** Copies {@code len} bytes of {@code src} starting at {@code srcOff} to file offset {@code off}. */
        Builder copy(long off, HiveImage src, long srcOff, long len) {
            byte[] buf = new byte[PAGE];
            while (len > 0) {
                // Chunks end on page boundaries of the target so each chunk lands in one page.
                int n = (int) Math.min(len, PAGE - (off & PAGE_MASK));
                src.get(srcOff, buf, 0, n);
                write(off, buf, 0, n);
                off += n;
                srcOff += n;
                len -= n;
            }
            return this;
        }

        int pageCount() {
            return pages.size();
        }

        private byte[] pageForWrite(long number) {
            byte[] page = pages.get(number);
            if (page == null) {
                page = new byte[PAGE];
                long start = number << PAGE_SHIFT;
                int fromBase = (int) Math.max(0, Math.min(PAGE, base.size() - start));
                if (fromBase > 0) {
                    base.get(start, page, 0, fromBase);
                }
                pages.put(number, page);
            }
            return page;
        }

        OverlayHiveImage build() {
            long[] numbers = new long[pages.size()];
            byte[][] data = new byte[pages.size()][];
            int i = 0;
            for (Map.Entry<Long, byte[]> e : pages.entrySet()) {
                numbers[i] = e.getKey();
                data[i] = e.getValue();
                i++;
            }
            return new OverlayHiveImage(base, size, numbers, data);
        }
    }
}
