package io.tlsready.regf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>This class decides (clean or dirty, which logs are of which format, what to fall back to); the replays are
 * {@link NewLogReplay} and {@link OldLogReplay}, the primary's state {@link PrimaryBaseBlock}.
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
        RecoveryReport report = new RecoveryReport();
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
        return recover(primary, primaryName, logs, new RecoveryReport());
    }

    private static RecoveryResult recover(HiveImage primary, String name, List<LogSource> sources, RecoveryReport r) {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(name, "primaryName");
        PrimaryBaseBlock p = new PrimaryBaseBlock(primary);
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
            RecoveryResult result = newLogs.isEmpty() ? null : NewLogReplay.replay(p, name, newLogs, r);
            if (result == null && !oldLogs.isEmpty()) {
                result = OldLogReplay.replay(p, name, oldLogs, r);
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

    private static void classify(LogFile log, List<LogFile> newLogs, List<LogFile> oldLogs, RecoveryReport r) {
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

    private static RecoveryResult asIs(HiveImage primary, boolean dirty, RecoveryReport r) {
        return new RecoveryResult(primary, dirty, false, false, 0, 0, r.notes, r.warnings);
    }
}
