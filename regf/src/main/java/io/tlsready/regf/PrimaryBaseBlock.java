package io.tlsready.regf;

/**
 * What the primary file's base block says before recovery: whether it is usable, its sequence numbers and
 * timestamps. Both log replays decide from it what to apply and which base block to write.
 */
final class PrimaryBaseBlock {

    final HiveImage image;
    final byte[] sector;
    final boolean signatureValid;
    final boolean baseBlockValid;
    final long seq1;
    final long seq2;
    final long lastWritten;
    final Long firstBinTimestamp;

    PrimaryBaseBlock(HiveImage image) {
        this.image = image;
        this.sector = BaseBlocks.firstSector(image);
        this.signatureValid = image.size() >= BaseBlocks.SECTOR
                && BaseBlocks.getInt(sector, 0) == BaseBlocks.SIGNATURE;
        this.baseBlockValid = signatureValid && BaseBlocks.checksumValid(sector);
        this.seq1 = BaseBlocks.getUnsigned(sector, BaseBlocks.OFF_PRIMARY_SEQ);
        this.seq2 = BaseBlocks.getUnsigned(sector, BaseBlocks.OFF_SECONDARY_SEQ);
        this.lastWritten = BaseBlocks.getLong(sector, BaseBlocks.OFF_LAST_WRITTEN);
        this.firstBinTimestamp = image.size() >= BaseBlocks.FIRST_BIN_TIMESTAMP + 8
                && image.getInt(4096) == 0x6E696268 ? image.getLong(BaseBlocks.FIRST_BIN_TIMESTAMP) : null;
    }

    /** "Dirty state of a hive": wrong checksum, or primary and secondary sequence numbers differ. */
    boolean dirty() {
        return !baseBlockValid || seq1 != seq2;
    }

    String dirtyReason() {
        if (!signatureValid) {
            return "no 'regf' signature in the base block";
        }
        if (!baseBlockValid) {
            return "bad base-block checksum";
        }
        return "sequence numbers " + seq1 + "/" + seq2 + " differ";
    }
}
