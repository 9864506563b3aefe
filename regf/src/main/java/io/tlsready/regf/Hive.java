package io.tlsready.regf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A registry hive file (regf), read from a {@link HiveImage} without copying it.
 *
 * <p>Written from the "Windows registry file format specification" (M. Suhanov); section names below refer to it.
 * Only the base block and the root key are read by {@link #open}; everything else is read on demand, so a lookup
 * touches only the cells on its path. Damage inside the hive bins never throws: the reader skips what it cannot
 * trust and records a {@link HiveWarning}. Only a file that is no usable hive at all gives a {@link HiveFormatException}.
 *
 * <p>Not thread-safe for concurrent use of one instance except for reading warnings.
 */
public final class Hive {

    /** Hive-bins offsets are relative to the end of the 4096-byte base block ("Base block"). */
    static final long BINS_START = 4096;
    /** Offset value meaning "no cell". */
    static final int NONE = -1;
    static final int MAX_WARNINGS = 1000;
    private static final int MAX_DEDUP = 10_000;

    static final short SIG_NK = 0x6B6E;
    static final short SIG_VK = 0x6B76;
    static final short SIG_LI = 0x696C;
    static final short SIG_LF = 0x666C;
    static final short SIG_LH = 0x686C;
    static final short SIG_RI = 0x6972;
    static final short SIG_DB = 0x6264;
    private static final int SIG_REGF = 0x66676572;
    private static final int SIG_HBIN = 0x6E696268;
    /** KEY_HIVE_ENTRY: the root key of a hive ("Key node" flags). */
    private static final int KEY_HIVE_ENTRY = 0x0004;
    /** How far into the bins a lost root key is searched for. */
    private static final long ROOT_SCAN_LIMIT = 1 << 20;

    private final HiveImage image;
    private final String name;
    private final int primarySequence;
    private final int secondarySequence;
    private final boolean checksumValid;
    private final int minorVersion;
    private final long lastWritten;
    /** File offset where readable hive bins end (exclusive): the declared size, cut to what the image holds. */
    private final long binsEnd;
    private final HiveKey root;

    private final List<HiveWarning> warnings = new ArrayList<>();
    private final Set<HiveWarning> reported = new HashSet<>();
    private long unlisted;

    private Hive(HiveImage image, String name) {
        this.image = image;
        this.name = name;
        if (image.size() < 512) {
            throw fail("file of " + image.size() + " bytes is too small to be a registry hive");
        }
        if (image.getInt(0) != SIG_REGF) {
            throw fail("not a registry hive (no 'regf' signature)");
        }
        primarySequence = image.getInt(4);
        secondarySequence = image.getInt(8);
        lastWritten = image.getLong(12);
        int major = image.getInt(20);
        minorVersion = image.getInt(24);
        int fileType = image.getInt(28);
        int format = image.getInt(32);
        int rootOffset = image.getInt(36);
        long declaredBins = image.getInt(40) & 0xFFFF_FFFFL;
        checksumValid = checksum(image) == image.getInt(508);

        if (!checksumValid) {
            warn("", -1, "base block checksum is wrong: header fields may be stale or damaged");
        }
        if (primarySequence != secondarySequence) {
            warn("", -1, "hive is dirty (sequence numbers " + Integer.toUnsignedString(primarySequence) + " and "
                    + Integer.toUnsignedString(secondarySequence) + " differ): recent changes may exist only in"
                    + " its transaction logs (.LOG, .LOG1, .LOG2): open it through HiveRecovery to replay them");
        }
        if (major != 1) {
            throw fail("unsupported format version " + major + "." + minorVersion);
        }
        if (minorVersion < 1 || minorVersion > 6) {
            warn("", -1, "unknown minor version " + minorVersion + "; reading as version 1." + minorVersion);
        }
        // File type 1 / 2 / 6 are transaction logs ("Base block": file type).
        if (fileType == 1 || fileType == 2 || fileType == 6) {
            throw fail("this is a transaction log (file type " + fileType + "), not a primary hive file");
        }
        if (fileType != 0) {
            warn("", -1, "unexpected file type " + fileType + " (0 = primary hive)");
        }
        if (format != 1) {
            warn("", -1, "unexpected file format " + format + " (1 = direct memory load)");
        }
        if (image.size() <= BINS_START || image.getInt(BINS_START) != SIG_HBIN) {
            throw fail("no hive bin at offset 4096");
        }
        long available = image.size() - BINS_START;
        long bins = declaredBins;
        if (declaredBins == 0 || declaredBins % 4096 != 0) {
            warn("", -1, "hive bins data size " + declaredBins + " in the base block is invalid; using the file size");
            bins = available;
        } else if (declaredBins > available) {
            warn("", -1, "file is truncated: the base block declares " + declaredBins + " bytes of hive bins but only "
                    + available + " are present; cells beyond them are skipped");
            bins = available;
        }
        binsEnd = BINS_START + bins;
        root = openRoot(rootOffset);
    }

    /**
     * Reads the base block and the root key of {@code image}.
     *
     * @param name how the hive is named in messages, e.g. the file path
     * @throws HiveFormatException if the image is no registry hive or its base block or root key is unusable
     */
    public static Hive open(HiveImage image, String name) {
        return new Hive(Objects.requireNonNull(image, "image"), Objects.requireNonNull(name, "name"));
    }

    private HiveKey openRoot(int rootOffset) {
        HiveKey key = HiveKey.read(this, null, rootOffset, "root key");
        if (key != null) {
            return key;
        }
        // A damaged base block may carry a wrong root offset; the root key (KEY_HIVE_ENTRY) normally sits in the
        // first hive bin, so look for it there before giving up.
        long end = Math.min(binsEnd, BINS_START + ROOT_SCAN_LIMIT);
        long pos = BINS_START;
        while (pos + 8 <= end) {
            if ((pos - BINS_START) % 4096 == 0 && image.getInt(pos) == SIG_HBIN) {
                pos += 32;
                continue;
            }
            int size = image.getInt(pos);
            long len = Math.abs((long) size);
            if (len < 8 || len % 8 != 0) {
                break;
            }
            if (size < 0 && len >= 80 && image.getShort(pos + 4) == SIG_NK
                    && (image.getShort(pos + 6) & KEY_HIVE_ENTRY) != 0) {
                int off = (int) (pos - BINS_START);
                HiveKey found = HiveKey.read(this, null, off, "root key");
                if (found != null) {
                    warn("", off, "root cell offset 0x" + Integer.toHexString(rootOffset)
                            + " in the base block is unusable; using the hive root key found at this cell");
                    return found;
                }
            }
            pos += len;
        }
        throw fail("root key cell 0x" + Integer.toHexString(rootOffset) + " is unreadable and no root key was found"
                + " in the first hive bins" + firstWarningSuffix());
    }

    private String firstWarningSuffix() {
        synchronized (warnings) {
            return warnings.isEmpty() ? "" : " (" + warnings.get(warnings.size() - 1).reason() + ")";
        }
    }

    /** The base-block checksum of {@code image} ({@link BaseBlocks#checksum}). */
    static int checksum(HiveImage image) {
        return BaseBlocks.checksum(BaseBlocks.firstSector(image));
    }

    public String name() {
        return name;
    }

    public int primarySequence() {
        return primarySequence;
    }

    public int secondarySequence() {
        return secondarySequence;
    }

    /** True when the sequence numbers differ or the checksum is wrong: the file alone may be stale. */
    public boolean dirty() {
        return primarySequence != secondarySequence || !checksumValid;
    }

    public boolean checksumValid() {
        return checksumValid;
    }

    public int minorVersion() {
        return minorVersion;
    }

    /** The base block's last-written time as a Windows FILETIME (100 ns ticks since 1601-01-01 UTC). */
    public long lastWritten() {
        return lastWritten;
    }

    /** Converts a FILETIME to an Instant. */
    public static Instant filetimeToInstant(long filetime) {
        long unix100ns = filetime - 116_444_736_000_000_000L;
        return Instant.ofEpochSecond(Math.floorDiv(unix100ns, 10_000_000L), Math.floorMod(unix100ns, 10_000_000L) * 100);
    }

    public HiveKey root() {
        return root;
    }

    /**
     * Finds a key by a backslash-separated path relative to the root key, case-insensitively
     * (e.g. {@code ControlSet001\Control\SecurityProviders\SCHANNEL}); "" is the root. Empty segments are ignored.
     */
    public Optional<HiveKey> key(String path) {
        HiveKey key = root;
        for (String part : path.split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<HiveKey> next = key.subkey(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            key = next.get();
        }
        return Optional.of(key);
    }

    /**
     * What was skipped or distrusted so far (reading is lazy: walk the hive to see all damage). At most
     * {@value #MAX_WARNINGS} are kept; if more occurred, a last entry says how many were left out.
     */
    public List<HiveWarning> warnings() {
        synchronized (warnings) {
            List<HiveWarning> out = new ArrayList<>(warnings);
            if (unlisted > 0) {
                out.add(new HiveWarning("", -1, unlisted + " more warnings not listed"));
            }
            return List.copyOf(out);
        }
    }

    // ---- internals shared by HiveKey / HiveValue / SubkeyLists ----

    HiveImage image() {
        return image;
    }

    /** Size of the readable hive-bins area: nothing read from the hive can be longer than this. */
    long binsSize() {
        return binsEnd - BINS_START;
    }

    void warn(String keyPath, long cellOffset, String reason) {
        HiveWarning w = new HiveWarning(keyPath, cellOffset, reason);
        synchronized (warnings) {
            // Lazy reads may revisit the same damage (a key listed twice, a value read again): report it once.
            if (reported.contains(w)) {
                return;
            }
            if (reported.size() < MAX_DEDUP) {
                reported.add(w);
            }
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(w);
            } else {
                unlisted++;
            }
        }
    }

    /**
     * Bounds-checks the allocated cell at hive-bins offset {@code offset} ("Cell": a negative size means allocated,
     * cells are 8-byte aligned). Returns null, after a warning naming {@code what}, when the cell cannot be trusted.
     */
    Cell cell(int offset, String keyPath, String what) {
        long rel = offset & 0xFFFF_FFFFL;
        if (offset == NONE) {
            warn(keyPath, -1, what + " is missing (offset 0xFFFFFFFF)");
            return null;
        }
        if ((rel & 7) != 0) {
            warn(keyPath, rel, what + " offset is not 8-byte aligned; skipped");
            return null;
        }
        long abs = BINS_START + rel;
        if (abs + 8 > binsEnd) {
            warn(keyPath, rel, what + " points past the end of the hive bins (" + binsSize() + " bytes); skipped");
            return null;
        }
        int size = image.getInt(abs);
        if (size >= 0) {
            warn(keyPath, rel, what + (size == 0 ? " points at a zeroed cell" : " points at a free (unallocated) cell")
                    + "; skipped");
            return null;
        }
        long len = -(long) size;
        if (len < 8 || abs + len > binsEnd) {
            warn(keyPath, rel, what + " cell size " + len + " runs past the end of the hive bins; skipped");
            return null;
        }
        return new Cell(offset, abs + 4, (int) (len - 4));
    }

    String latin1(long off, int len) {
        byte[] b = new byte[len];
        image.get(off, b, 0, len);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** UTF-16LE; an odd trailing byte is dropped. */
    String utf16(long off, int len) {
        byte[] b = new byte[len & ~1];
        image.get(off, b, 0, b.length);
        return new String(b, StandardCharsets.UTF_16LE);
    }

    private HiveFormatException fail(String problem) {
        return new HiveFormatException(name + ": " + problem);
    }
}
