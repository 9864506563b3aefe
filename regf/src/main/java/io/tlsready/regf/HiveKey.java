package io.tlsready.regf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A key node ("Key node", nk) of a {@link Hive}. Its header fields are read when the key is found; subkeys, values
 * and the class name are read on each call, never cached, so holding keys costs little memory.
 *
 * <p>Subkey lookup ({@link #subkey}) is one pass over the list entries; for lf/lh lists the stored hint or hash
 * filters out non-matching entries without reading their key cells. A pass rather than a binary search because
 * lists in real hives are not always sorted (yarp's WrongOrderHive), and the entries themselves are cheap: 8 bytes
 * each, packed in one cell per leaf.
 */
public final class HiveKey {

    /** Deeper keys than Windows allows ("Registry element size limits": 512 levels) are treated as damage. */
    static final int MAX_DEPTH = 512;
    /** Fixed part of an nk cell before the name. */
    private static final int NK_HEADER = 76;
    private static final int KEY_SYM_LINK = 0x0010;
    private static final int KEY_COMP_NAME = 0x0020;

    private final Hive hive;
    private final HiveKey parent;
    private final int offset;
    private final int flags;
    private final int parentField;
    private final long lastWritten;
    private final int subkeyCount;
    private final int subkeyList;
    private final int valueCount;
    private final int valueList;
    private final int classOffset;
    private final int classLength;
    private final String name;
    private final String path;
    private final int depth;

    private HiveKey(Hive hive, HiveKey parent, Cell cell, String name) {
        HiveImage img = hive.image();
        long d = cell.data();
        this.hive = hive;
        this.parent = parent;
        this.offset = cell.offset();
        this.flags = img.getShort(d + 2) & 0xFFFF;
        this.lastWritten = img.getLong(d + 4);
        this.parentField = img.getInt(d + 16);
        this.subkeyCount = img.getInt(d + 20);
        this.subkeyList = img.getInt(d + 28);
        this.valueCount = img.getInt(d + 36);
        this.valueList = img.getInt(d + 40);
        this.classOffset = img.getInt(d + 48);
        this.classLength = img.getShort(d + 74) & 0xFFFF;
        this.name = name;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.path = parent == null ? "" : parent.path.isEmpty() ? name : parent.path + '\\' + name;
    }

    /** Reads the nk cell at {@code offset}, or returns null after a warning (at {@code parent}'s path). */
    static HiveKey read(Hive hive, HiveKey parent, int offset, String what) {
        String at = parent == null ? "" : parent.path;
        Cell cell = hive.cell(offset, at, what);
        if (cell == null) {
            return null;
        }
        HiveImage img = hive.image();
        if (cell.length() < NK_HEADER || cell.signature(img) != Hive.SIG_NK) {
            hive.warn(at, cell.offset() & 0xFFFF_FFFFL, what + " is not a key node (nk) cell; skipped");
            return null;
        }
        long d = cell.data();
        int flags = img.getShort(d + 2) & 0xFFFF;
        int nameLength = img.getShort(d + 72) & 0xFFFF;
        if (nameLength > cell.length() - NK_HEADER) {
            hive.warn(at, cell.offset() & 0xFFFF_FFFFL, what + " name length " + nameLength
                    + " exceeds its cell; name cut to " + (cell.length() - NK_HEADER) + " bytes");
            nameLength = cell.length() - NK_HEADER;
        }
        String name = (flags & KEY_COMP_NAME) != 0 ? hive.latin1(d + NK_HEADER, nameLength)
                : hive.utf16(d + NK_HEADER, nameLength);
        return new HiveKey(hive, parent, cell, name);
    }

    /** The key's name as stored (compressed names are Latin-1, others UTF-16LE). */
    public String name() {
        return name;
    }

    /** Backslash-separated path from the hive root, without the root's own name; "" for the root. */
    public String path() {
        return path;
    }

    /** Last-written time as a FILETIME; see {@link Hive#filetimeToInstant}. */
    public long lastWritten() {
        return lastWritten;
    }

    /** The raw nk flags (KEY_VOLATILE 0x1, KEY_HIVE_EXIT 0x2, KEY_HIVE_ENTRY 0x4, ...). */
    public int flags() {
        return flags;
    }

    /** True for a symbolic link key (KEY_SYM_LINK): its target is in the value {@code SymbolicLinkValue}. */
    public boolean symlink() {
        return (flags & KEY_SYM_LINK) != 0;
    }

    /** The number of subkeys the key node claims (its list is authoritative). */
    public long subkeyCount() {
        return subkeyCount & 0xFFFF_FFFFL;
    }

    /** The number of values the key node claims. */
    public long valueCount() {
        return valueCount & 0xFFFF_FFFFL;
    }

    /** Hive-bins offset of this key's nk cell: stable identity within one hive. */
    public long cellOffset() {
        return offset & 0xFFFF_FFFFL;
    }

    /** The parent offset stored in the nk cell (must name the key whose list holds this one). */
    int parentField() {
        return parentField;
    }

    public Optional<HiveKey> parent() {
        return Optional.ofNullable(parent);
    }

    /** The class name (UTF-16LE), if the key has one. */
    public Optional<String> className() {
        if (classOffset == Hive.NONE || classLength == 0) {
            return Optional.empty();
        }
        Cell cell = hive.cell(classOffset, path, "class name");
        if (cell == null) {
            return Optional.empty();
        }
        int len = Math.min(classLength, cell.length());
        return Optional.of(hive.utf16(cell.data(), len));
    }

    /** The subkeys in list order. Unreadable entries are skipped with a warning. */
    public List<HiveKey> subkeys() {
        if (!hasSubkeyList()) {
            return List.of();
        }
        List<HiveKey> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        SubkeyLists.forEach(hive, path, subkeyList, (nk, type, hint) -> {
            if (!seen.add(nk)) {
                hive.warn(path, nk & 0xFFFF_FFFFL, "subkey listed twice; second entry skipped");
                return true;
            }
            HiveKey child = child(nk);
            if (child != null) {
                out.add(child);
            }
            return true;
        });
        if (out.size() > 1) {
            // Windows never stores two subkeys of one name; both are kept, lookups find the first.
            Set<String> names = new HashSet<>();
            for (HiveKey k : out) {
                if (!names.add(k.name.toUpperCase(Locale.ROOT))) {
                    hive.warn(path, k.cellOffset(), "two subkeys are named '" + k.name + "'");
                }
            }
        }
        return out;
    }

    /** The subkey called {@code name}, compared case-insensitively. */
    public Optional<HiveKey> subkey(String name) {
        if (!hasSubkeyList()) {
            return Optional.empty();
        }
        // The stored hint/hash is computed with Windows' upcase table; for ASCII names Java agrees with it exactly,
        // for others it might not, so only ASCII names use it as a filter.
        boolean filter = isAscii(name);
        int hash = filter ? lhHash(name) : 0;
        HiveKey[] found = new HiveKey[1];
        SubkeyLists.forEach(hive, path, subkeyList, (nk, type, hint) -> {
            if (filter && type == Hive.SIG_LH && hint != hash) {
                return true;
            }
            if (filter && type == Hive.SIG_LF && !lfHintMatches(hint, name)) {
                return true;
            }
            HiveKey child = child(nk);
            if (child != null && child.name.equalsIgnoreCase(name)) {
                found[0] = child;
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** The values in list order. Unreadable entries are skipped with a warning. */
    public List<HiveValue> values() {
        List<HiveValue> out = new ArrayList<>();
        forEachValue(v -> {
            out.add(v);
            return true;
        });
        return out;
    }

    /** The value called {@code name} (case-insensitive; "" is the default value). */
    public Optional<HiveValue> value(String name) {
        HiveValue[] found = new HiveValue[1];
        forEachValue(v -> {
            if (v.name().equalsIgnoreCase(name)) {
                found[0] = v;
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? "(root " + name + ")" : path;
    }

    private interface ValueSink {
        boolean accept(HiveValue value);
    }

    private void forEachValue(ValueSink sink) {
        if (valueCount == 0) {
            return;
        }
        Cell list = hive.cell(valueList, path, "value list");
        if (list == null) {
            return;
        }
        long n = valueCount & 0xFFFF_FFFFL;
        int fits = list.length() / 4;
        if (n > fits) {
            hive.warn(path, list.offset() & 0xFFFF_FFFFL, "key claims " + n + " values but its value list holds "
                    + fits + "; reading " + fits);
            n = fits;
        }
        HiveImage img = hive.image();
        for (int i = 0; i < n; i++) {
            HiveValue v = HiveValue.read(hive, path, img.getInt(list.data() + 4L * i));
            if (v != null && !sink.accept(v)) {
                return;
            }
        }
    }

    private boolean hasSubkeyList() {
        if (subkeyCount == 0) {
            return false;
        }
        if (depth >= MAX_DEPTH) {
            hive.warn(path, cellOffset(), "key is nested deeper than " + MAX_DEPTH + " levels; its subkeys are skipped");
            return false;
        }
        return true;
    }

    /**
     * Reads a subkey, refusing one that is this key or one of its ancestors (a cycle in a damaged hive) and one whose
     * nk parent field names another key: a list shared by mistake (yarp's BadListHive / BadSubkeyHive) must not make
     * a key appear under two parents. No key in the undamaged corpus hives has a mismatched parent field.
     */
    private HiveKey child(int nk) {
        for (HiveKey k = this; k != null; k = k.parent) {
            if (k.offset == nk) {
                hive.warn(path, nk & 0xFFFF_FFFFL, "subkey list points back at an ancestor key (cycle); skipped");
                return null;
            }
        }
        HiveKey child = read(hive, this, nk, "subkey");
        if (child != null && child.parentField != offset) {
            hive.warn(path, nk & 0xFFFF_FFFFL, "subkey '" + child.name + "' belongs to the key at cell 0x"
                    + Integer.toHexString(child.parentField) + " (its parent field), not to this key; skipped");
            return null;
        }
        return child;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** "Hash leaf": hash = 37 * hash + upcase(char) over the UTF-16 code units. */
    static int lhHash(String asciiName) {
        int h = 0;
        for (int i = 0; i < asciiName.length(); i++) {
            h = 37 * h + asciiUpper(asciiName.charAt(i));
        }
        return h;
    }

    /**
     * "Fast leaf": the hint holds the first 4 characters of the name. Compared case-insensitively and only over the
     * name's own length, so padding bytes of short names do not matter.
     */
    static boolean lfHintMatches(int hint, String asciiName) {
        for (int i = 0; i < Math.min(4, asciiName.length()); i++) {
            int stored = (hint >>> (8 * i)) & 0xFF;
            if (asciiUpper(stored) != asciiUpper(asciiName.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int asciiUpper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
}
