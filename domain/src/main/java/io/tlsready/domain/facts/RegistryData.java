package io.tlsready.domain.facts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw registry data (type code + bytes, as RegQueryValueEx returns them and hive cells hold them) to
 * {@link RegValue}, one way for every source, so the same registry data gives the same fact whether it came
 * from a live host, a hive file or a .reg export; and back ({@link #typeCode}, {@link #encode}) for writers and
 * journals. Pure Java.
 */
public final class RegistryData {

    public static final int REG_NONE = 0;
    public static final int REG_SZ = 1;
    public static final int REG_EXPAND_SZ = 2;
    public static final int REG_BINARY = 3;
    public static final int REG_DWORD = 4;
    public static final int REG_MULTI_SZ = 7;
    public static final int REG_QWORD = 11;

    private RegistryData() {
    }

    /**
     * Decodes as Windows APIs read the data. A DWORD or QWORD of the wrong size stays {@link RegValue.Raw}
     * rather than being guessed at; strings end at the first NUL (what every Win32 reader sees) and a stray
     * odd byte is dropped; REG_DWORD_BIG_ENDIAN and other types stay raw.
     */
    public static RegValue decode(int type, byte[] data) {
        switch (type) {
            case REG_DWORD:
                return data.length == 4
                        ? new RegValue.Dword(Integer.toUnsignedLong(le(data).getInt()))
                        : new RegValue.Raw(type, data);
            case REG_QWORD:
                return data.length == 8 ? new RegValue.Qword(le(data).getLong()) : new RegValue.Raw(type, data);
            case REG_SZ:
            case REG_EXPAND_SZ: {
                String s = utf16(data);
                int nul = s.indexOf('\0');
                return new RegValue.Str(nul < 0 ? s : s.substring(0, nul), type == REG_EXPAND_SZ);
            }
            case REG_MULTI_SZ: {
                // "a\0b\0\0": the first empty string is the terminator
                List<String> items = new ArrayList<>();
                for (String part : utf16(data).split("\0", -1)) {
                    if (part.isEmpty()) {
                        break;
                    }
                    items.add(part);
                }
                return new RegValue.MultiStr(items);
            }
            default:
                return new RegValue.Raw(type, data);
        }
    }

    /** The registry type code of a value: the inverse of {@link #decode}'s dispatch. */
    public static int typeCode(RegValue value) {
        if (value instanceof RegValue.Dword) {
            return REG_DWORD;
        }
        if (value instanceof RegValue.Qword) {
            return REG_QWORD;
        }
        if (value instanceof RegValue.Str s) {
            return s.expand() ? REG_EXPAND_SZ : REG_SZ;
        }
        if (value instanceof RegValue.MultiStr) {
            return REG_MULTI_SZ;
        }
        return ((RegValue.Raw) value).type();
    }

    /**
     * The bytes Windows stores for a value, as RegSetValueEx takes them: little-endian numbers, UTF-16LE strings
     * with their NUL terminator, a REG_MULTI_SZ as NUL-terminated items and one more NUL (an empty list is one
     * NUL), raw data as it is. Each UTF-16 unit is written as it is, so nothing is replaced on the way.
     * {@code decode(typeCode(v), encode(v))} gives {@code v} back for every value a registry can hold; a string
     * with an embedded NUL (or an empty REG_MULTI_SZ item) cannot be held and does not come back equal.
     */
    public static byte[] encode(RegValue value) {
        if (value instanceof RegValue.Dword d) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) d.value()).array();
        }
        if (value instanceof RegValue.Qword q) {
            return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(q.value()).array();
        }
        if (value instanceof RegValue.Str s) {
            ByteBuffer out = ByteBuffer.allocate(2 * s.value().length() + 2).order(ByteOrder.LITTLE_ENDIAN);
            putUtf16(out, s.value());
            return out.array();
        }
        if (value instanceof RegValue.MultiStr m) {
            int units = 1;
            for (String item : m.values()) {
                units += item.length() + 1;
            }
            ByteBuffer out = ByteBuffer.allocate(2 * units).order(ByteOrder.LITTLE_ENDIAN);
            for (String item : m.values()) {
                putUtf16(out, item);
            }
            return out.array();
        }
        return ((RegValue.Raw) value).data();
    }

    /** The string's UTF-16 units, then a NUL. */
    private static void putUtf16(ByteBuffer out, String s) {
        for (int i = 0; i < s.length(); i++) {
            out.putChar(s.charAt(i));
        }
        out.putChar('\0');
    }

    private static ByteBuffer le(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String utf16(byte[] data) {
        return new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
    }
}
