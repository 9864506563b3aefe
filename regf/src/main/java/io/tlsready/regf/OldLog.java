package io.tlsready.regf;

/**
 * The dirty vector and dirty pages of an old-format transaction log (regf spec, "Old format"):
 * a {@code DIRT} signature at the second sector, then a bitmap with one bit per 512-byte page of the hive bins
 * (length in bits = hive bins data size / 512, bit 0 = lowest bit of the first byte), then, from the next sector
 * boundary, one 512-byte page per set bit, in bit order.
 */
final class OldLog {

    static final int SECTOR = 512;
    private static final long DIRTY_VECTOR = 512;
    private static final int SIG_DIRT = 0x54524944; // "DIRT"
    private static final int SIG_HBIN = 0x6E696268; // "hbin"

    private final LogFile log;
    private final long binsSize;
    private final long bitmapStart;
    private final long pagesStart;
    private final long pageCount;

    private OldLog(LogFile log, long binsSize, long bitmapStart, long pagesStart, long pageCount) {
        this.log = log;
        this.binsSize = binsSize;
        this.bitmapStart = bitmapStart;
        this.pagesStart = pagesStart;
        this.pageCount = pageCount;
    }

    /**
     * Reads the dirty vector of {@code log}, whose base block must be valid.
     *
     * @throws HiveFormatException naming the problem if the log holds no usable dirty vector and pages
     */
    static OldLog read(LogFile log) {
        HiveImage img = log.image();
        long bins = log.binsSize();
        if (bins == 0 || bins % 4096 != 0) {
            throw new HiveFormatException("hive bins data size " + bins + " in its base block is not a multiple of 4096");
        }
        if (img.size() < DIRTY_VECTOR + 4 || img.getInt(DIRTY_VECTOR) != SIG_DIRT) {
            throw new HiveFormatException("no 'DIRT' dirty vector at offset 512");
        }
        long bitmapBytes = bins / SECTOR / 8;
        long bitmapStart = DIRTY_VECTOR + 4;
        if (bitmapStart + bitmapBytes > img.size()) {
            throw new HiveFormatException("dirty vector bitmap (" + bitmapBytes + " bytes) runs past the end of the file");
        }
        long count = 0;
        byte[] buf = new byte[4096];
        for (long done = 0; done < bitmapBytes; ) {
            int n = (int) Math.min(buf.length, bitmapBytes - done);
            img.get(bitmapStart + done, buf, 0, n);
            for (int i = 0; i < n; i++) {
                count += Integer.bitCount(buf[i] & 0xFF);
            }
            done += n;
        }
        // Dirty pages start "from the beginning of the sector following the last sector of a dirty vector".
        long pagesStart = (bitmapStart + bitmapBytes + SECTOR - 1) / SECTOR * SECTOR;
        if (pagesStart + count * SECTOR > img.size()) {
            throw new HiveFormatException("truncated: the dirty vector marks " + count + " pages but only "
                    + Math.max(0, (img.size() - pagesStart) / SECTOR) + " are present");
        }
        return new OldLog(log, bins, bitmapStart, pagesStart, count);
    }

    long binsSize() {
        return binsSize;
    }

    long pageCount() {
        return pageCount;
    }

    /** What {@link #applyTo} did. */
    record Applied(long pages, String stop) {
    }

    /**
     * Writes the dirty pages into {@code out} (file offset = 4096 + 512 × bit index, "Dirty pages" note 2). A dirty
     * page that starts a hive bin must hold a valid bin header (signature, offset equal to its position, size a
     * non-zero multiple of 4096); recovery stops before a page that fails this ("Dirty pages": an invalid dirty hive bin stops recovery).
     */
    Applied applyTo(OverlayHiveImage.Builder out) {
        HiveImage img = log.image();
        long bits = binsSize / SECTOR;
        byte[] page = new byte[SECTOR];
        long applied = 0;
        long src = pagesStart;
        for (long bit = 0; bit < bits; bit++) {
            if ((img.get(bitmapStart + (bit >>> 3)) >> (bit & 7) & 1) == 0) {
                continue;
            }
            long binsOffset = bit * SECTOR;
            img.get(src, page, 0, SECTOR);
            if (binsOffset % 4096 == 0) {
                String bad = badBinHeader(page, binsOffset);
                if (bad != null) {
                    return new Applied(applied, "dirty page at hive-bins offset 0x" + Long.toHexString(binsOffset)
                            + " " + bad + "; it and the following " + (pageCount - applied - 1) + " pages were not applied");
                }
            }
            out.write(4096 + binsOffset, page, 0, SECTOR);
            src += SECTOR;
            applied++;
        }
        return new Applied(applied, null);
    }

    private static String badBinHeader(byte[] page, long binsOffset) {
        if (BaseBlocks.getInt(page, 0) != SIG_HBIN) {
            return null; // the middle of a bin that starts earlier (bins may be larger than 4096 bytes)
        }
        long off = BaseBlocks.getUnsigned(page, 4);
        long size = BaseBlocks.getUnsigned(page, 8);
        if (off != binsOffset) {
            return "holds a hive bin header claiming offset 0x" + Long.toHexString(off);
        }
        if (size == 0 || size % 4096 != 0) {
            return "holds a hive bin header with invalid size " + size;
        }
        return null;
    }
}
