package io.tlsready.regf;

/**
 * Field access on a copy of the first sector of a base block (regf spec, "Base block"): the part that primary files
 * and transaction logs share and the part that recovery rewrites.
 */
final class BaseBlocks {

    /** A log holds only the first sector of the base block ("Old format" - "Base block"). */
    static final int SECTOR = 512;
    static final int SIGNATURE = 0x66676572; // "regf"
    static final int OFF_PRIMARY_SEQ = 4;
    static final int OFF_SECONDARY_SEQ = 8;
    static final int OFF_LAST_WRITTEN = 12;
    static final int OFF_FILE_TYPE = 28;
    static final int OFF_BINS_SIZE = 40;
    /** Windows 10 KTM flags; set from the applied log entry ("Log entries", note 11). */
    static final int OFF_FLAGS = 144;
    static final int OFF_CHECKSUM = 508;
    /** Timestamp in the header of the first hive bin, a backup of the last-written timestamp ("Hive bin", note 3). */
    static final long FIRST_BIN_TIMESTAMP = 4096 + 20;

    private BaseBlocks() {
    }

    /** First sector of a base block read from {@code image}; bytes past its end read as zero. */
    static byte[] firstSector(HiveImage image) {
        byte[] b = new byte[SECTOR];
        int n = (int) Math.min(SECTOR, image.size());
        if (n > 0) {
            image.get(0, b, 0, n);
        }
        return b;
    }

    /** XOR-32 of bytes 0..507 with 0xFFFFFFFF mapped to 0xFFFFFFFE and 0 to 1 ("Base block", note 2). */
    static int checksum(byte[] block) {
        int sum = 0;
        for (int i = 0; i < OFF_CHECKSUM; i += 4) {
            sum ^= getInt(block, i);
        }
        if (sum == -1) {
            return -2;
        }
        return sum == 0 ? 1 : sum;
    }

    static boolean checksumValid(byte[] block) {
        return checksum(block) == getInt(block, OFF_CHECKSUM);
    }

    static void updateChecksum(byte[] block) {
        putInt(block, OFF_CHECKSUM, checksum(block));
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    static long getUnsigned(byte[] b, int off) {
        return getInt(b, off) & 0xFFFF_FFFFL;
    }

    static long getLong(byte[] b, int off) {
        return getUnsigned(b, off) | (long) getInt(b, off + 4) << 32;
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
