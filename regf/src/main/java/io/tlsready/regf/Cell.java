package io.tlsready.regf;

/**
 * An allocated cell, already bounds-checked against the hive bins.
 *
 * @param offset hive-bins offset as stored in the hive (file offset minus 4096)
 * @param data file offset of the cell's data (after the 4-byte size)
 * @param length number of data bytes (cell size minus 4)
 */
record Cell(int offset, long data, int length) {

    /** The two-byte signature at the start of the data, as a little-endian short ("nk" = 0x6B6E). */
    short signature(HiveImage image) {
        return length >= 2 ? image.getShort(data) : 0;
    }
}
