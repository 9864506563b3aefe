package io.tlsready.regf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Writes a hive subtree as regedit writes an export: "Windows Registry Editor Version 5.00", one section per
 * key in walk order, REG_SZ as quoted strings, REG_DWORD as {@code dword:}, everything else as {@code hex(N):}
 * bytes wrapped at 80 columns with a trailing backslash. The caller supplies the writer (UTF-16LE with a BOM
 * for a file regedit imports). Values whose string data would not survive a quoted string (odd length, an
 * embedded NUL, line break or lone surrogate, not exactly one terminator) are written as {@code hex(1):} bytes.
 *
 * <p>Names come from the hive, which may be hostile: a key whose name a {@code [...]} line cannot carry (a line
 * break, NUL or lone surrogate, or a backslash, which would read as a path separator) is left out with everything
 * below it, and so is a value whose name cannot be quoted. Each is named in a {@code ;} comment where it would have
 * been and in {@link #leftOut()}, shown as the caller shows hostile text to a person (tlsready passes its
 * {@code Visible::of}): how to show such text is the application's policy, what a .reg line can carry is this
 * library's ({@link RegSyntax}).
 */
public final class RegExportWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int WRAP = 80;

    private final Writer out;
    private final String prefix;
    private final UnaryOperator<String> shown;
    private final List<String> leftOut = new ArrayList<>();
    /** Notes on values left out of the current key, written after its values: see {@link #flushNotes}. */
    private final List<String> pendingNotes = new ArrayList<>();
    private int keysLeftOut;
    private int valuesLeftOut;

    /**
     * @param prefix the key path the hive's root stands for, e.g. {@code HKEY_LOCAL_MACHINE\SYSTEM}
     * @param shown  how a name from the hive is shown in a comment and a {@link #leftOut()} note: it must turn every
     *               line break and control into visible text (the writer also makes sure no comment breaks its line)
     * @throws IllegalArgumentException if {@code prefix} cannot start a {@code [...]} line
     */
    public RegExportWriter(Writer out, String prefix, UnaryOperator<String> shown) {
        this.out = Objects.requireNonNull(out, "out");
        this.shown = Objects.requireNonNull(shown, "shown");
        String why = RegSyntax.unwritableKeyPath(prefix);
        if (why != null) {
            throw new IllegalArgumentException("registry key " + quotedShown(prefix) + " cannot be written: " + why);
        }
        this.prefix = prefix;
    }

    /** One line per key or value left out of the export, naming it visibly and saying why. */
    public List<String> leftOut() {
        return List.copyOf(leftOut);
    }

    public int keysLeftOut() {
        return keysLeftOut;
    }

    public int valuesLeftOut() {
        return valuesLeftOut;
    }

    /** A writer that puts the UTF-16LE byte-order mark regedit expects, then UTF-16LE text, on {@code out}. */
    public static Writer utf16le(OutputStream out) throws IOException {
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
                String path = key.path().isEmpty() ? prefix : prefix + "\\" + key.path();
                String why = key.path().isEmpty() ? null : unwritableKeyName(key.name());
                try {
                    flushNotes();
                    if (why != null) {
                        keysLeftOut++;
                        String note = "left out key " + quotedShown(path) + " and everything below it: " + why;
                        leftOut.add(note);
                        out.write("\r\n; tlsready " + comment(note) + "\r\n");
                        return false;
                    }
                    out.write("\r\n[");
                    out.write(path);
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
                        writeValue(key, value);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        flushNotes();
        out.write("\r\n");
        out.flush();
    }

    private void writeValue(HiveKey key, HiveValue v) throws IOException {
        StringBuilder line = new StringBuilder(64);
        if (v.name().isEmpty()) {
            line.append('@');
        } else if (RegSyntax.canQuote(v.name())) {
            line.append(RegSyntax.quoted(v.name()));
        } else {
            valuesLeftOut++;
            String note = "left out value " + quotedShown(v.name()) + " of key "
                    + quotedShown(key.path().isEmpty() ? prefix : prefix + "\\" + key.path())
                    + ": a .reg file cannot carry a line break, NUL or lone surrogate inside a value name";
            leftOut.add(note);
            pendingNotes.add(note);
            return;
        }
        line.append('=');
        byte[] data = v.data();
        int type = v.type();
        if (type == 4 && data.length == 4) {
            long d = (data[0] & 0xFFL) | (data[1] & 0xFFL) << 8 | (data[2] & 0xFFL) << 16 | (data[3] & 0xFFL) << 24;
            line.append("dword:");
            appendHex8(line, d);
        } else if (type == 1 && printable(data)) {
            line.append(RegSyntax.quoted(utf16(data, stringLength(data))));
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

    /**
     * A section's notes go after its values: regedit takes a comment anywhere, but hivex's importer (and other
     * strict readers) end a section at the first comment line and then refuse the values after it.
     */
    private void flushNotes() throws IOException {
        for (String note : pendingNotes) {
            out.write("; tlsready " + comment(note) + "\r\n");
        }
        pendingNotes.clear();
    }

    private String quotedShown(String text) {
        return "\"" + shown.apply(text) + "\"";
    }

    /** A comment stays on its line whatever {@code shown} returned: anything that would end it is replaced. */
    private String comment(String note) {
        String text = shown.apply(note);
        if (RegSyntax.canQuote(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(
                RegSyntax.canQuote(new String(Character.toChars(cp))) ? cp : '\uFFFD'));
        return sb.toString();
    }

    /** Why a key name cannot be a component of a {@code [...]} line, or null when it can. */
    static String unwritableKeyName(String name) {
        if (!RegSyntax.canQuote(name)) {
            return "a .reg file cannot carry a line break, NUL or lone surrogate inside a key name";
        }
        if (name.indexOf('\\') >= 0) {
            return "a backslash inside a key name would read as a path separator";
        }
        return null;
    }

    /** The code units as they are, lone surrogates included (a decoder would replace them). */
    private static String utf16(byte[] data, int length) {
        char[] chars = new char[length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8);
        }
        return new String(chars);
    }

    /**
     * UTF-16 text with exactly one NUL terminator, and without line breaks or lone surrogates: what a quoted string
     * gives back byte for byte on import (which adds the one terminator). Anything else, a missing or doubled
     * terminator included, goes out as {@code hex(1):} bytes, which carry it exactly.
     */
    private static boolean printable(byte[] data) {
        if (data.length < 2 || data.length % 2 != 0 || data[data.length - 1] != 0 || data[data.length - 2] != 0) {
            return false;
        }
        int n = stringLength(data);
        return n == data.length - 2 && RegSyntax.canQuote(utf16(data, n));
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
