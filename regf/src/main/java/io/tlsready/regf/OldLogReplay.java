package io.tlsready.regf;

import java.util.List;

/**
 * Replay of an old-format log (.LOG, or .LOG1/.LOG2 before Windows 8.1; file type 1; regf spec "Old format"): the
 * newest applicable log's dirty 512-byte pages are written where its bitmap says.
 */
final class OldLogReplay {

    private OldLogReplay() {
    }

    /** The recovered hive, or null (with notes or warnings) when no log is applicable. */
    static RecoveryResult replay(PrimaryBaseBlock p, String name, List<LogFile> logs, RecoveryReport r) {
        LogFile chosen = null;
        OldLog chosenVector = null;
        for (LogFile log : logs) {
            if (!log.baseBlockValid()) {
                r.warn("log " + log.name() + " ignored: " + log.baseBlockProblem());
                continue;
            }
            if (!applicable(p, name, log, r)) {
                continue;
            }
            OldLog vector;
            try {
                vector = OldLog.read(log);
            } catch (HiveFormatException e) {
                r.warn("log " + log.name() + " ignored: " + e.getMessage());
                continue;
            }
            // "Multiple transaction log files" - old format: an applicable one is used; prefer the newest.
            if (chosen == null || log.primarySequence() > chosen.primarySequence()) {
                if (chosen != null) {
                    r.note("log " + chosen.name() + " not used: " + log.name() + " is newer");
                }
                chosen = log;
                chosenVector = vector;
            } else {
                r.note("log " + log.name() + " not used: " + chosen.name() + " is newer");
            }
        }
        if (chosen == null) {
            return null;
        }
        OverlayHiveImage.Builder out = new OverlayHiveImage.Builder(p.image);
        OldLog.Applied applied = chosenVector.applyTo(out);
        if (applied.stop() != null) {
            r.warn("log " + chosen.name() + ": " + applied.stop());
        }
        out.growTo(4096 + chosenVector.binsSize());
        byte[] base;
        boolean restored;
        if (p.baseBlockValid) {
            base = p.sector.clone();
            // The interrupted write is now complete: both sequence numbers equal the primary one.
            BaseBlocks.putInt(base, BaseBlocks.OFF_SECONDARY_SEQ, (int) p.seq1);
            restored = false;
        } else {
            // "Old format" - "Base block", note 4: recovered from the log, file type set back to 0.
            base = chosen.baseBlock();
            BaseBlocks.putInt(base, BaseBlocks.OFF_FILE_TYPE, 0);
            restored = true;
            r.warn(name + "'s base block is unusable (" + p.dirtyReason() + "); restored from the copy in "
                    + chosen.name() + " (seq " + chosen.primarySequence() + ")");
        }
        BaseBlocks.putInt(base, BaseBlocks.OFF_BINS_SIZE, (int) chosenVector.binsSize());
        BaseBlocks.updateChecksum(base);
        out.write(0, base, 0, base.length);
        OverlayHiveImage image = out.build();
        r.note("applied " + chosen.name() + " (old format, seq " + chosen.primarySequence() + "): " + applied.pages()
                + " of " + chosenVector.pageCount() + " dirty 512-byte pages; hive bins data size "
                + chosenVector.binsSize() + "; overlay holds " + image.pageCount() + " pages (" + image.heapBytes()
                + " heap bytes)");
        return new RecoveryResult(image, true, true, restored, 0, applied.pages(), r.notes, r.warnings);
    }

    /**
     * "A transaction log can be applied when a Last written timestamp in its base block is equal to a Last written
     * timestamp in a base block of a primary file (when a base block of a primary file is invalid, a Timestamp from
     * the first hive bin is used instead)". The first-bin timestamp is only a backup and lags behind on real files
     * (yarp's BadBaseBlockHive: bin 2017-02-xx, log a day later), so for a damaged primary a log that is not older
     * than the first bin is accepted.
     */
    private static boolean applicable(PrimaryBaseBlock p, String name, LogFile log, RecoveryReport r) {
        if (p.baseBlockValid) {
            if (log.lastWritten() != p.lastWritten) {
                r.note("log " + log.name() + " not applicable: its last-written timestamp differs from " + name
                        + "'s (it belongs to another write)");
                return false;
            }
            return true;
        }
        if (p.firstBinTimestamp == null || log.lastWritten() == p.firstBinTimestamp) {
            return true;
        }
        if (Long.compareUnsigned(log.lastWritten(), p.firstBinTimestamp) < 0) {
            r.note("log " + log.name() + " not applicable: it is older than the first hive bin of " + name);
            return false;
        }
        r.note("log " + log.name() + ": last-written timestamp is newer than the first hive bin's timestamp of " + name
                + " (the primary's base block is unusable); accepted");
        return true;
    }
}
