package io.tlsready.adapters.windows.hive;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a hive subtree as regedit writes an export: "Windows Registry Editor Version 5.00", one section per
 * key in walk order, REG_SZ as quoted strings, REG_DWORD as {@code dword:}, everything else as {@code hex(N):}
 * bytes wrapped at 80 columns with a trailing backslash. The caller supplies the writer (UTF-16LE with a BOM
 * for a file regedit imports). Values whose string data would not survive a quoted string (odd length, an
 * embedded NUL or line break) are written as {@code hex(1):}/{@code hex(2):} bytes, as regedit does.
 */
public final class RegExportWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int WRAP = 80;

    private final Writer out;
    private final String prefix;

    /**
     * @param prefix the key path the hive's root stands for, e.g. {@code HKEY_LOCAL_MACHINE\SYSTEM}
     */
    public RegExportWriter(Writer out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    /** A writer that puts the UTF-16LE byte-order mark regedit expects, then UTF-16LE text, on {@code out}. */
    public static Writer utf16le(java.io.OutputStream out) throws IOException {
        out.write(0xFF);
        out.write(0xFE);
        return new Utf16LeWriter(out);
    }

    /** Writes the header and every key from {@code start} down. */
    public void export(Hive hive, HiveKey start) throws IOException {
        out.write("Windows Registry Editor Version 5.00\r\n");
        IOException[] failure = new IOException[1];
        HiveWalker.walk(hive, start, new HiveWalker.Visitor() {
            @Override
            public boolean enterKey(HiveKey key, int depth) {
                try {
                    out.write("\r\n[");
                    out.write(prefix);
                    if (!key.path().isEmpty()) {
                        out.write('\\');
                        out.write(key.path());
                    }
                    out.write("]\r\n");
                } catch (IOException e) {
                    failure[0] = e;
                }
                return failure[0] == null;
            }

            @Override
            public void value(HiveKey key, HiveValue value) {
                if (failure[0] == null) {
                    try {
                        writeValue(value);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        out.write("\r\n");
        out.flush();
    }

    private void writeValue(HiveValue v) throws IOException {
        StringBuilder line = new StringBuilder(64);
        if (v.name().isEmpty()) {
            line.append('@');
        } else {
            quote(line, v.name());
        }
        line.append('=');
        byte[] data = v.data();
        int type = v.type();
        if (type == 4 && data.length == 4) {
            long d = (data[0] & 0xFFL) | (data[1] & 0xFFL) << 8 | (data[2] & 0xFFL) << 16 | (data[3] & 0xFFL) << 24;
            line.append("dword:");
            appendHex8(line, d);
        } else if (type == 1 && printable(data)) {
            quote(line, new String(data, 0, stringLength(data), StandardCharsets.UTF_16LE));
        } else {
            line.append(type == 3 ? "hex:" : "hex(" + Integer.toHexString(type) + "):");
            appendBytes(line, data);
        }
        line.append("\r\n");
        out.write(line.toString());
    }

    /** Bytes as "aa,bb,…" wrapped like regedit: lines end with ",\" and continue indented by two spaces. */
    private static void appendBytes(StringBuilder line, byte[] data) {
        int column = line.length();
        for (int i = 0; i < data.length; i++) {
            line.append(HEX[(data[i] >> 4) & 0xF]).append(HEX[data[i] & 0xF]);
            column += 2;
            if (i < data.length - 1) {
                line.append(',');
                column++;
                if (column > WRAP - 4) {
                    line.append("\\\r\n  ");
                    column = 2;
                }
            }
        }
    }

    private static void appendHex8(StringBuilder sb, long v) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (v >> shift) & 0xF]);
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** UTF-16 data, NUL-terminated at most at its end, without line breaks: safe as a quoted string. */
    private static boolean printable(byte[] data) {
        if (data.length % 2 != 0) {
            return false;
        }
        int n = stringLength(data);
        for (int i = 0; i < n; i += 2) {
            char c = (char) ((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
            if (c == 0 || c == '\r' || c == '\n') {
                return false;
            }
        }
        for (int i = n; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Length in bytes without the trailing NUL terminator(s). */
    private static int stringLength(byte[] data) {
        int n = data.length & ~1;
        while (n >= 2 && data[n - 1] == 0 && data[n - 2] == 0) {
            n -= 2;
        }
        return n;
    }
}
