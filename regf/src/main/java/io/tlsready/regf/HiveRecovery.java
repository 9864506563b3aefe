package io.tlsready.regf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Replays the transaction logs of a dirty hive, as Windows does when it loads one (regf spec, "Format of transaction
 * log files", "Dirty state of a hive", "Multiple transaction log files").
 *
 * <ul>
 *   <li>A hive is dirty when its base block has a wrong checksum or its primary and secondary sequence numbers
 *       differ. A clean hive is returned as is; its logs are not consulted (new-format entries past a clean hive
 *       are ignored by Windows too).</li>
 *   <li>New format (.LOG1/.LOG2, file type 6): the valid {@code HvLE} entries of all logs are put in sequence order;
 *       entries older than the primary's secondary sequence number were already written and are skipped; the rest
 *       are applied from the lowest while each next entry has the next sequence number. Each entry grows the image
 *       to its hive-bins data size; the base block then gets the last entry's sequence number (both fields), bins
 *       size and flags, and a new checksum.</li>
 *   <li>Old format (.LOG, or .LOG1/.LOG2 before Windows 8.1; file type 1): a log with a valid base block and the
 *       primary's last-written timestamp is applied: its dirty 512-byte pages are written where its bitmap says.</li>
 *   <li>A primary base block with a wrong checksum is replaced by a log's copy (file type set back to 0).</li>
 *   <li>A dirty hive without usable logs is returned as is with a warning, never silently.</li>
 * </ul>
 *
 * The result is an {@link OverlayHiveImage}: the primary stays mapped, only replaced pages are on the heap. Damaged
 * logs never make recovery throw; they are ignored or cut short with a warning.
 */
public final class HiveRecovery {

    private HiveRecovery() {
    }

    /** A transaction log to replay: its name for messages and its bytes. */
    public record LogSource(String name, HiveImage image) {

        public LogSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(image, "image");
        }

        public static LogSource of(String name, byte[] bytes) {
            return new LogSource(name, new ByteArrayHiveImage(bytes));
        }
    }

    /**
     * The transaction logs next to {@code primary}: files named like it plus {@code .LOG}, {@code .LOG1} or
     * {@code .LOG2}, in any letter case, in that order.
     */
    public static List<Path> logsBeside(Path primary) throws IOException {
        Path dir = primary.toAbsolutePath().getParent();
        if (dir == null) {
            return List.of();
        }
        String base = primary.getFileName().toString().toUpperCase(Locale.ROOT);
        List<String> suffixes = List.of(".LOG", ".LOG1", ".LOG2");
        Path[] found = new Path[suffixes.size()];
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                int i = suffixes.indexOf(upperSuffix(p.getFileName().toString(), base));
                if (i >= 0 && found[i] == null) {
                    found[i] = p;
                }
            });
        }
        List<Path> out = new ArrayList<>();
        for (Path p : found) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static String upperSuffix(String name, String upperBase) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith(upperBase) ? upper.substring(upperBase.length()) : "";
    }

    /**
     * Maps {@code primary} and {@code logs} and recovers the hive. A log that cannot be read is ignored with a
     * warning.
     *
     * @throws IOException if the primary file cannot be read
     */
    public static RecoveryResult recover(Path primary, List<Path> logs) throws IOException {
        Report report = new Report();
        HiveImage image = MappedHiveImage.open(primary);
        List<LogSource> sources = new ArrayList<>();
        for (Path log : logs) {
            String name = String.valueOf(log.getFileName());
            try {
                sources.add(new LogSource(name, MappedHiveImage.open(log)));
            } catch (IOException e) {
                report.warn("log " + name + " ignored: cannot be read (" + e.getMessage() + ")");
            }
        }
        return recover(image, String.valueOf(primary.getFileName()), sources, report);
    }

    /**
     * Recovers the hive in {@code primary} from {@code logs}. Never throws for damaged logs: they are ignored or cut
     * short with a warning, and when nothing usable is left the primary is returned as is with a warning.
     */
    public static RecoveryResult recover(HiveImage primary, String primaryName, List<LogSource> logs) {
        return recover(primary, primaryName, logs, new Report());
    }

    private static RecoveryResult recover(HiveImage primary, String name, List<LogSource> sources, Report r) {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(name, "primaryName");
        Primary p = new Primary(primary);
        if (!p.dirty()) {
            r.note(name + " is clean (sequence numbers " + p.seq1 + "/" + p.seq2 + ", valid checksum); logs not needed");
            return asIs(primary, false, r);
        }
        r.note(name + " is dirty (" + p.dirtyReason() + ")");

        List<LogFile> newLogs = new ArrayList<>();
        List<LogFile> oldLogs = new ArrayList<>();
        for (LogSource s : sources) {
            classify(LogFile.of(s.name(), s.image()), newLogs, oldLogs, r);
        }
        if (newLogs.isEmpty() && oldLogs.isEmpty()) {
            r.warn(sources.isEmpty()
                    ? "dirty hive without logs: " + name + " is read as is and recent changes may be missing"
                    : "dirty hive and none of its " + sources.size() + " logs is usable: " + name
                            + " is read as is and recent changes may be missing");
            return asIs(primary, true, r);
        }
        try {
            RecoveryResult result = newLogs.isEmpty() ? null : recoverNew(p, name, newLogs, r);
            if (result == null && !oldLogs.isEmpty()) {
                result = recoverOld(p, name, oldLogs, r);
            }
            if (result != null) {
                return result;
            }
        } catch (HiveFormatException e) {
            r.warn("recovery of " + name + " failed: " + e.getMessage());
        }
        r.warn("dirty hive and no log data could be applied: " + name
                + " is read as is and recent changes may be missing");
        return asIs(primary, true, r);
    }

    private static void classify(LogFile log, List<LogFile> newLogs, List<LogFile> oldLogs, Report r) {
        if (log.size() == 0) {
            // With dual logging (.LOG1/.LOG2) an empty .LOG is kept for compatibility ("Multiple transaction log files").
            r.note("log " + log.name() + " is empty");
            return;
        }
        if (!log.hasBaseBlock()) {
            r.warn("log " + log.name() + " ignored: " + log.baseBlockProblem());
            return;
        }
        int type = log.fileType();
        if (type == LogFile.TYPE_NEW) {
            newLogs.add(log);
        } else if (type == LogFile.TYPE_OLD) {
            oldLogs.add(log);
        } else if (type == LogFile.TYPE_WIN2000) {
            r.warn("log " + log.name() + " ignored: Windows 2000 log format (file type 2) is not supported");
        } else {
            r.warn("log " + log.name() + " ignored: file type " + type + " is no transaction log (1 or 6 expected)");
        }
    }

    // ---- new format ----

    private static RecoveryResult recoverNew(Primary p, String name, List<LogFile> logs, Report r) {
        List<NewLogEntry> all = new ArrayList<>();
        for (LogFile log : logs) {
            if (!log.baseBlockValid()) {
                r.note("log " + log.name() + ": base block not usable (" + log.baseBlockProblem()
                        + "); its entries are checked by their own hashes");
            }
            NewLogEntry.Scan scan = NewLogEntry.scan(log);
            String found = scan.entries().isEmpty() ? "no valid entries"
                    : scan.entries().size() + " valid entries (seq " + range(scan.entries()) + ")";
            String line = "log " + log.name() + ": " + found + "; reading stopped: " + scan.stop();
            if (scan.warning()) {
                r.warn(line);
            } else {
                r.note(line);
            }
            all.addAll(scan.entries());
        }
        if (all.isEmpty()) {
            r.warn("no valid log entries in " + names(logs));
            return null;
        }
        // Sequence numbers are 32-bit counters; a wrap-around within one recovery is not handled.
        all.sort(Comparator.comparingLong(NewLogEntry::sequence));

        byte[] base;
        boolean restored;
        List<NewLogEntry> chain;
        if (p.baseBlockValid) {
            // Note 5: only subsequent entries, seq >= the primary's secondary sequence number, are applied.
            int first = 0;
            while (first < all.size() && all.get(first).sequence() < p.seq2) {
                first++;
            }
            if (first > 0) {
                r.note(first + " log entries older than the primary's secondary sequence number " + p.seq2
                        + " were already written to it; skipped");
            }
            if (first == all.size()) {
                r.warn("all log entries (seq " + range(all) + ") are older than " + name + "'s secondary sequence number "
                        + p.seq2);
                return null;
            }
            chain = consecutive(all, first, r);
            long start = chain.get(0).sequence();
            if (start != p.seq2) {
                // The spec (note 7) expects the first entry to carry exactly the secondary sequence number; real
                // Windows 10 logs (regipy SYSTEM_B: primary 1622/1621, logs from 2107) start later because older
                // entries were reconciled before the logs were restarted. yarp and regipy apply them; so do we.
                r.note("first applicable log entry has seq " + start + ", not " + name + "'s secondary sequence number "
                        + p.seq2 + " (older entries were reconciled before the logs were restarted)");
            }
            base = p.sector.clone();
            restored = false;
        } else {
            // Note 6: the base block comes from a log. Without a trusted secondary sequence number, use the newest
            // run of consecutive entries, taking the base block of the log where that run starts.
            int start = all.size() - 1;
            while (start > 0 && all.get(start - 1).sequence() == all.get(start).sequence() - 1) {
                start--;
            }
            chain = consecutive(all, start, r);
            LogFile donor = baseBlockDonor(chain.get(0).log(), logs);
            if (donor == null) {
                r.warn(name + "'s base block is unusable (" + p.dirtyReason() + ") and no log has a valid copy of it");
                return null;
            }
            base = donor.baseBlock();
            BaseBlocks.putInt(base, BaseBlocks.OFF_FILE_TYPE, 0);
            restored = true;
            r.warn(name + "'s base block is unusable (" + p.dirtyReason() + "); restored from the copy in "
                    + donor.name() + " (seq " + donor.primarySequence() + ")");
        }

        OverlayHiveImage.Builder out = new OverlayHiveImage.Builder(p.image);
        long pages = 0;
        long bytes = 0;
        for (NewLogEntry e : chain) {
            e.applyTo(out);
            pages += e.pageCount();
            bytes += e.pageBytes();
        }
        NewLogEntry last = chain.get(chain.size() - 1);
        out.growTo(4096 + last.binsSize());
        // "Sequence number: written both to the primary and to the secondary sequence number of the base block when
        // applying a log entry"; the bins size follows the entry (note 9) and so do the flags (note 11).
        BaseBlocks.putInt(base, BaseBlocks.OFF_PRIMARY_SEQ, (int) last.sequence());
        BaseBlocks.putInt(base, BaseBlocks.OFF_SECONDARY_SEQ, (int) last.sequence());
        BaseBlocks.putInt(base, BaseBlocks.OFF_BINS_SIZE, (int) last.binsSize());
        BaseBlocks.putInt(base, BaseBlocks.OFF_FLAGS, last.flags());
        BaseBlocks.updateChecksum(base);
        out.write(0, base, 0, base.length);
        OverlayHiveImage image = out.build();
        r.note("applied " + chain.size() + " log entries from " + perLog(chain) + ": " + pages + " dirty pages ("
                + bytes + " bytes); hive bins data size " + last.binsSize() + "; overlay holds " + image.pageCount()
                + " pages (" + image.heapBytes() + " heap bytes)");
        return new RecoveryResult(image, true, true, restored, chain.size(), pages, r.notes, r.warnings);
    }

    /** Entries from {@code start} while each has the next sequence number (note 7); a repeated number is skipped. */
    private static List<NewLogEntry> consecutive(List<NewLogEntry> sorted, int start, Report r) {
        List<NewLogEntry> chain = new ArrayList<>();
        chain.add(sorted.get(start));
        for (int i = start + 1; i < sorted.size(); i++) {
            NewLogEntry prev = chain.get(chain.size() - 1);
            NewLogEntry next = sorted.get(i);
            if (next.sequence() == prev.sequence()) {
                r.note("log entry " + next + " repeats seq " + prev.sequence() + " of " + prev + "; the first one is used");
                continue;
            }
            if (next.sequence() != prev.sequence() + 1) {
                r.warn("log entries stop at seq " + prev.sequence() + ": the next one available has seq "
                        + next.sequence() + "; entries from " + next + " on are not applied");
                break;
            }
            chain.add(next);
        }
        return chain;
    }

    private static LogFile baseBlockDonor(LogFile preferred, List<LogFile> logs) {
        if (preferred.baseBlockValid()) {
            return preferred;
        }
        LogFile best = null;
        for (LogFile log : logs) {
            if (log.baseBlockValid() && (best == null || log.primarySequence() > best.primarySequence())) {
                best = log;
            }
        }
        return best;
    }

    private static String range(List<NewLogEntry> entries) {
        long lo = entries.get(0).sequence();
        long hi = entries.get(entries.size() - 1).sequence();
        return lo == hi ? Long.toString(lo) : lo + ".." + hi;
    }

    private static String perLog(List<NewLogEntry> chain) {
        Map<String, List<NewLogEntry>> byLog = new LinkedHashMap<>();
        for (NewLogEntry e : chain) {
            byLog.computeIfAbsent(e.log().name(), k -> new ArrayList<>()).add(e);
        }
        List<String> parts = new ArrayList<>();
        byLog.forEach((log, entries) -> parts.add(log + " (seq " + range(entries) + ")"));
        return String.join(", ", parts);
    }

    private static String names(List<LogFile> logs) {
        List<String> n = new ArrayList<>();
        logs.forEach(l -> n.add(l.name()));
        return String.join(", ", n);
    }

    // ---- old format ----

    private static RecoveryResult recoverOld(Primary p, String name, List<LogFile> logs, Report r) {
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
    private static boolean applicable(Primary p, String name, LogFile log, Report r) {
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

    // ---- common ----

    private static RecoveryResult asIs(HiveImage primary, boolean dirty, Report r) {
        return new RecoveryResult(primary, dirty, false, false, 0, 0, r.notes, r.warnings);
    }

    /** What the primary's base block says. */
    private static final class Primary {
        final HiveImage image;
        final byte[] sector;
        final boolean signatureValid;
        final boolean baseBlockValid;
        final long seq1;
        final long seq2;
        final long lastWritten;
        final Long firstBinTimestamp;

        Primary(HiveImage image) {
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

    private static final class Report {
        final List<String> notes = new ArrayList<>();
        final List<HiveWarning> warnings = new ArrayList<>();

        void note(String s) {
            notes.add(s);
        }

        void warn(String s) {
            notes.add(s);
            warnings.add(new HiveWarning("", -1, s));
        }
    }
}
