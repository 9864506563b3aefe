package io.tlsready.domain.facts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw registry data (type code + bytes, as RegQueryValueEx returns them and hive cells hold them) to
 * {@link RegValue}, one way for every source, so the same registry data gives the same fact whether it came
 * from a live host, a hive file or a .reg export. Pure Java.
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

    private static ByteBuffer le(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String utf16(byte[] data) {
        return new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
    }
}
