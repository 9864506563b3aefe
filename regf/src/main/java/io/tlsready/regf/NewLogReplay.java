package io.tlsready.regf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replay of new-format logs (.LOG1/.LOG2, file type 6; regf spec "New format", notes 5-11): the valid {@code HvLE}
 * entries of all logs in sequence order, from the primary's secondary sequence number while each next entry has the
 * next number; the base block then takes the last entry's sequence number, bins size and flags.
 */
final class NewLogReplay {

    private NewLogReplay() {
    }

    /** The recovered hive, or null (with a warning) when no entry can be applied. */
    static RecoveryResult replay(PrimaryBaseBlock p, String name, List<LogFile> logs, RecoveryReport r) {
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
    private static List<NewLogEntry> consecutive(List<NewLogEntry> sorted, int start, RecoveryReport r) {
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
}
