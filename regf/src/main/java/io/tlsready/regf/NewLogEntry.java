package io.tlsready.regf;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code HvLE} log entry of a new-format transaction log (regf spec, "New format" - "Log entries"):
 *
 * <pre>
 *  0  4  "HvLE"
 *  4  4  size of the entry (the next entry starts at a 512-byte boundary right after it)
 *  8  4  flags (copy of base-block flags)
 * 12  4  sequence number
 * 16  4  hive bins data size
 * 20  4  dirty pages count
 * 24  8  Hash-1: Marvin32 of bytes 40..size
 * 32  8  Hash-2: Marvin32 of bytes 0..32 (including Hash-1)
 * 40  8n dirty page references: offset (relative to the hive bins), size
 *  .. pages, in reference order, without gaps
 * </pre>
 *
 * Only validated entries are ever constructed.
 */
final class NewLogEntry {

    /** Log entries start at the second sector of the log ("Log entries"). */
    static final long FIRST_ENTRY = 512;
    private static final int SIG_HVLE = 0x454C7648; // "HvLE"
    private static final int HEADER = 40;
    /** Windows writes hive bins in 4096-byte blocks; anything else is damage (and could blow up the overlay). */
    private static final int PAGE = 4096;

    private final LogFile log;
    private final long offset;
    private final long size;
    private final int flags;
    private final long sequence;
    private final long binsSize;
    private final long[] pageOffsets;
    private final long[] pageSizes;

    private NewLogEntry(LogFile log, long offset, long size, int flags, long sequence, long binsSize,
            long[] pageOffsets, long[] pageSizes) {
        this.log = log;
        this.offset = offset;
        this.size = size;
        this.flags = flags;
        this.sequence = sequence;
        this.binsSize = binsSize;
        this.pageOffsets = pageOffsets;
        this.pageSizes = pageSizes;
    }

    /** Entries read from a log and why reading stopped ({@code warning} = damage rather than a normal end). */
    record Scan(List<NewLogEntry> entries, String stop, boolean warning) {
    }

    /**
     * Reads the consecutive valid entries of {@code log} from its second sector. Reading stops at the end of the
     * file, at the first block that is no entry (the normal end: zeros or an older, overwritten tail), at an entry
     * with a bad hash or bad field (spec note 8), and at an entry whose sequence number does not follow its
     * predecessor's (note 7: old, already applied entries may remain after the current ones, note 4). When the log's
     * base block is valid, its sequence number is the first entry's (the writer restarts a log with a new base block).
     */
    static Scan scan(LogFile log) {
        List<NewLogEntry> entries = new ArrayList<>();
        HiveImage img = log.image();
        long pos = FIRST_ENTRY;
        long expected = log.baseBlockValid() ? log.primarySequence() : -1;
        while (true) {
            if (pos + HEADER > img.size()) {
                return new Scan(entries, "end of file", false);
            }
            if (img.getInt(pos) != SIG_HVLE) {
                return new Scan(entries, "no log entry at offset " + pos, false);
            }
            long size = img.getInt(pos + 4) & 0xFFFF_FFFFL;
            int flags = img.getInt(pos + 8);
            long seq = img.getInt(pos + 12) & 0xFFFF_FFFFL;
            long bins = img.getInt(pos + 16) & 0xFFFF_FFFFL;
            long count = img.getInt(pos + 20) & 0xFFFF_FFFFL;
            String where = "entry at offset " + pos + " (seq " + seq + ")";
            if (size < HEADER || size % 512 != 0 || pos + size > img.size()) {
                return new Scan(entries, where + ": size " + size + " is invalid or runs past the end of the file",
                        true);
            }
            if (expected >= 0 && seq != expected) {
                return entries.isEmpty()
                        ? new Scan(entries, where + ": the log's base block announces seq " + expected
                                + ", so this entry is stale", false)
                        : new Scan(entries, where + ": does not follow seq " + (expected - 1)
                                + " (older, already applied entries)", false);
            }
            if (bins == 0 || bins % PAGE != 0) {
                return new Scan(entries, where + ": hive bins data size " + bins + " is not a multiple of 4096", true);
            }
            if (HEADER + 8 * count > size) {
                return new Scan(entries, where + ": " + count + " page references do not fit in the entry", true);
            }
            long hash1 = img.getLong(pos + 24);
            long hash2 = img.getLong(pos + 32);
            if (Marvin32.hash(Marvin32.REGISTRY_LOG_SEED, img, pos + HEADER, size - HEADER) != hash1) {
                return new Scan(entries, where + ": Hash-1 does not match (torn or damaged entry)", true);
            }
            if (Marvin32.hash(Marvin32.REGISTRY_LOG_SEED, img, pos, 32) != hash2) {
                return new Scan(entries, where + ": Hash-2 does not match (torn or damaged entry)", true);
            }
            int n = (int) count;
            long[] offsets = new long[n];
            long[] sizes = new long[n];
            long data = HEADER + 8L * n;
            for (int i = 0; i < n; i++) {
                long off = img.getInt(pos + HEADER + 8L * i) & 0xFFFF_FFFFL;
                long len = img.getInt(pos + HEADER + 8L * i + 4) & 0xFFFF_FFFFL;
                if (len == 0 || off % PAGE != 0 || len % PAGE != 0 || off + len > bins) {
                    return new Scan(entries, where + ": page reference " + i + " (offset " + off + ", size " + len
                            + ") is not whole 4096-byte pages inside the hive bins", true);
                }
                data += len;
                if (data > size) {
                    return new Scan(entries, where + ": its pages run past the entry's size", true);
                }
                offsets[i] = off;
                sizes[i] = len;
            }
            entries.add(new NewLogEntry(log, pos, size, flags, seq, bins, offsets, sizes));
            expected = (seq + 1) & 0xFFFF_FFFFL;
            pos += size;
        }
    }

    /** Writes this entry's pages into {@code out} (at 4096 + page offset, spec "Dirty pages references"). */
    void applyTo(OverlayHiveImage.Builder out) {
        long src = offset + HEADER + 8L * pageOffsets.length;
        for (int i = 0; i < pageOffsets.length; i++) {
            out.copy(4096 + pageOffsets[i], log.image(), src, pageSizes[i]);
            src += pageSizes[i];
        }
    }

    LogFile log() {
        return log;
    }

    long offset() {
        return offset;
    }

    int flags() {
        return flags;
    }

    long sequence() {
        return sequence;
    }

    long binsSize() {
        return binsSize;
    }

    int pageCount() {
        return pageOffsets.length;
    }

    long pageBytes() {
        long sum = 0;
        for (long s : pageSizes) {
            sum += s;
        }
        return sum;
    }

    @Override
    public String toString() {
        return log.name() + "@" + offset + " seq " + sequence;
    }
}
