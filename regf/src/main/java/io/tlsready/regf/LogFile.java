package io.tlsready.regf;

import java.util.Objects;

/**
 * A transaction log file (.LOG, .LOG1, .LOG2) and its base-block copy (regf spec, "Format of transaction log files":
 * the first sector of the log is a modified partial copy of the hive's base block).
 */
final class LogFile {

    /** File type of an old-format log ({@code DIRT} dirty vector), Windows XP to 8 / 2012. */
    static final int TYPE_OLD = 1;
    /** File type of a Windows 2000 log: not described by the spec, not supported. */
    static final int TYPE_WIN2000 = 2;
    /** File type of a new-format log ({@code HvLE} log entries), Windows 8.1 / 2012 R2 and later. */
    static final int TYPE_NEW = 6;

    private final String name;
    private final HiveImage image;
    private final byte[] baseBlock;
    private final boolean signatureValid;
    private final boolean checksumValid;

    private LogFile(String name, HiveImage image) {
        this.name = name;
        this.image = image;
        this.baseBlock = BaseBlocks.firstSector(image);
        this.signatureValid = image.size() >= BaseBlocks.SECTOR && BaseBlocks.getInt(baseBlock, 0) == BaseBlocks.SIGNATURE;
        this.checksumValid = signatureValid && BaseBlocks.checksumValid(baseBlock);
    }

    static LogFile of(String name, HiveImage image) {
        return new LogFile(Objects.requireNonNull(name, "name"), Objects.requireNonNull(image, "image"));
    }

    String name() {
        return name;
    }

    HiveImage image() {
        return image;
    }

    long size() {
        return image.size();
    }

    /** The log holds at least a sector with a {@code regf} signature. */
    boolean hasBaseBlock() {
        return signatureValid;
    }

    int fileType() {
        return BaseBlocks.getInt(baseBlock, BaseBlocks.OFF_FILE_TYPE);
    }

    long primarySequence() {
        return BaseBlocks.getUnsigned(baseBlock, BaseBlocks.OFF_PRIMARY_SEQ);
    }

    long secondarySequence() {
        return BaseBlocks.getUnsigned(baseBlock, BaseBlocks.OFF_SECONDARY_SEQ);
    }

    long lastWritten() {
        return BaseBlocks.getLong(baseBlock, BaseBlocks.OFF_LAST_WRITTEN);
    }

    long binsSize() {
        return BaseBlocks.getUnsigned(baseBlock, BaseBlocks.OFF_BINS_SIZE);
    }

    boolean checksumValid() {
        return checksumValid;
    }

    /**
     * "A transaction log file is considered to be valid when it has an expected base block [...] and its primary
     * sequence number is equal to its secondary sequence number" (spec, "Old format" - "Base block", note 2).
     */
    boolean baseBlockValid() {
        return checksumValid && primarySequence() == secondarySequence();
    }

    /** A copy of the log's base-block sector. */
    byte[] baseBlock() {
        return baseBlock.clone();
    }

    /** Why the base block is not valid, for messages. */
    String baseBlockProblem() {
        if (!signatureValid) {
            return image.size() < BaseBlocks.SECTOR ? "shorter than one sector (" + image.size() + " bytes)"
                    : "no 'regf' signature in its first sector";
        }
        if (!checksumValid) {
            return "bad base-block checksum";
        }
        if (primarySequence() != secondarySequence()) {
            return "sequence numbers " + primarySequence() + "/" + secondarySequence() + " differ (log write incomplete)";
        }
        return "valid";
    }

    @Override
    public String toString() {
        return name;
    }
}
