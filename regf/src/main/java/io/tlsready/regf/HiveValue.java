package io.tlsready.regf;

import java.util.Arrays;

/**
 * A key value ("Key value", vk) of a {@link Hive}. The header is read when the value is listed; the data only when
 * {@link #data()} is called, and never cached. What the bytes mean (a DWORD, a string) is the reader's business:
 * {@link #type()} and {@link #data()} are what Windows stores.
 */
public final class HiveValue {

    /** Fixed part of a vk cell before the name. */
    private static final int VK_HEADER = 20;
    private static final int VALUE_COMP_NAME = 0x0001;
    /** "Big data": data above this size is split into segments of this size, when the minor version is > 3. */
    static final int SEGMENT = 16_344;

    private final Hive hive;
    private final String keyPath;
    private final int offset;
    private final long cellData;
    private final String name;
    private final int rawSize;
    private final int dataOffset;
    private final int type;
    private final int flags;
    /** Why the data read last could not be read whole ("" if it could): such data is never evidence of a value. */
    private String dataDamage = "";

    private HiveValue(Hive hive, String keyPath, Cell cell, String name) {
        HiveImage img = hive.image();
        this.hive = hive;
        this.keyPath = keyPath;
        this.offset = cell.offset();
        this.cellData = cell.data();
        this.name = name;
        this.rawSize = img.getInt(cellData + 4);
        this.dataOffset = img.getInt(cellData + 8);
        this.type = img.getInt(cellData + 12);
        this.flags = img.getShort(cellData + 16) & 0xFFFF;
    }

    /** Reads the vk cell at {@code offset}, or returns null after a warning at {@code keyPath}. */
    static HiveValue read(Hive hive, String keyPath, int offset) {
        Cell cell = hive.cell(offset, keyPath, "value");
        if (cell == null) {
            return null;
        }
        HiveImage img = hive.image();
        if (cell.length() < VK_HEADER || cell.signature(img) != Hive.SIG_VK) {
            hive.warn(keyPath, cell.offset() & 0xFFFF_FFFFL, "value is not a key value (vk) cell; skipped");
            return null;
        }
        long d = cell.data();
        int nameLength = img.getShort(d + 2) & 0xFFFF;
        if (nameLength > cell.length() - VK_HEADER) {
            hive.warn(keyPath, cell.offset() & 0xFFFF_FFFFL, "value name length " + nameLength
                    + " exceeds its cell; name cut to " + (cell.length() - VK_HEADER) + " bytes");
            nameLength = cell.length() - VK_HEADER;
        }
        int flags = img.getShort(d + 16) & 0xFFFF;
        String name = (flags & VALUE_COMP_NAME) != 0 ? hive.latin1(d + VK_HEADER, nameLength)
                : hive.utf16(d + VK_HEADER, nameLength);
        return new HiveValue(hive, keyPath, cell, name);
    }

    /** The value's name; "" for the key's default value. */
    public String name() {
        return name;
    }

    /** The registry type code (1 REG_SZ, 4 REG_DWORD, ...), as stored. */
    public int type() {
        return type;
    }

    /** The raw vk flags (0x1 compressed name, 0x2 tombstone in layered hives). */
    public int flags() {
        return flags;
    }

    /** Hive-bins offset of the vk cell. */
    public long cellOffset() {
        return offset & 0xFFFF_FFFFL;
    }

    /** The data size the value claims (for inline data, without the inline flag). */
    public long dataLength() {
        return isInline() ? rawSize & 0x7FFF_FFFF : rawSize & 0xFFFF_FFFFL;
    }

    private boolean isInline() {
        return rawSize < 0;
    }

    /**
     * The value's data. Data that cannot be read completely is returned as far as it can be read, with a warning.
     */
    public byte[] data() {
        dataDamage = "";
        HiveImage img = hive.image();
        if (isInline()) {
            // "Key value": with the high bit of the size set, up to 4 bytes of data sit in the offset field.
            int len = rawSize & 0x7FFF_FFFF;
            if (len > 4) {
                warn("inline data size " + len + " is more than 4 bytes; cut to 4");
                len = 4;
            }
            byte[] b = new byte[len];
            img.get(cellData + 8, b, 0, len);
            return b;
        }
        long len = rawSize & 0xFFFF_FFFFL;
        if (len == 0) {
            return new byte[0];
        }
        if (len > hive.binsSize()) {
            warn("data size " + len + " is larger than the hive; data skipped");
            return new byte[0];
        }
        Cell cell = hive.cell(dataOffset, keyPath, "data of value '" + name + "'");
        if (cell == null) {
            dataDamage = "its data cell cannot be read";
            return new byte[0];
        }
        if (len > SEGMENT && cell.signature(img) == Hive.SIG_DB
                && (hive.minorVersion() > 3 || cell.length() < len)) {
            // db cells exist only from version 1.4; an older header with a too-small "db" cell is a damaged header.
            return bigData(cell, (int) len);
        }
        int n = (int) len;
        if (n > cell.length()) {
            warn("data size " + len + " exceeds its cell (" + cell.length() + " bytes); data cut");
            n = cell.length();
        }
        byte[] b = new byte[n];
        img.get(cell.data(), b, 0, n);
        return b;
    }

    /** "Big data": a db cell points at a list of segment cells, each holding up to 16,344 bytes of the data. */
    private byte[] bigData(Cell db, int len) {
        HiveImage img = hive.image();
        if (db.length() < 8) {
            warn("big data (db) cell too small; data skipped");
            return new byte[0];
        }
        int segments = img.getShort(db.data() + 2) & 0xFFFF;
        Cell list = hive.cell(img.getInt(db.data() + 4), keyPath, "big data segment list of value '" + name + "'");
        if (list == null) {
            dataDamage = "its big data segment list cannot be read";
            return new byte[0];
        }
        if (segments > list.length() / 4) {
            warn("big data claims " + segments + " segments but its list holds " + list.length() / 4);
            segments = list.length() / 4;
        }
        byte[] out = new byte[len];
        int filled = 0;
        for (int i = 0; i < segments && filled < len; i++) {
            Cell seg = hive.cell(img.getInt(list.data() + 4L * i), keyPath,
                    "big data segment " + i + " of value '" + name + "'");
            if (seg == null) {
                break;
            }
            int n = Math.min(Math.min(len - filled, SEGMENT), seg.length());
            img.get(seg.data(), out, filled, n);
            filled += n;
        }
        if (filled < len) {
            warn("big data has only " + filled + " of " + len + " bytes; data cut");
            return Arrays.copyOf(out, filled);
        }
        return out;
    }

    /**
     * Why the data last read by {@link #data()} was cut or skipped, or "" if it was read
     * whole. The hive warns about each damaged cell once; this says it for every read.
     */
    public String dataDamage() {
        return dataDamage;
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "@" : name) + " (type " + type + ", " + dataLength() + " bytes)";
    }

    private void warn(String reason) {
        dataDamage = reason;
        hive.warn(keyPath, cellOffset(), "value '" + name + "': " + reason);
    }
}
