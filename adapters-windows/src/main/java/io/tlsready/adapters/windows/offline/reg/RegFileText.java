package io.tlsready.adapters.windows.offline.reg;

import io.tlsready.domain.port.EvidenceException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text side of a .reg file: how regedit decodes its bytes (UTF-16LE with BOM, UTF-8, ANSI), splits its lines,
 * and how the reader quotes a piece of it in a one-line warning.
 */
final class RegFileText {

    static final Charset ANSI = Charset.forName("windows-1252");

    private RegFileText() {
    }

    record Decoded(String text, String encoding) {
    }

    static Decoded decode(String location, byte[] b) {
        if (b.length == 0) {
            throw new EvidenceException(location, "not a registry script: the file is empty");
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            if (b.length % 2 != 0) {
                throw new EvidenceException(location, "truncated UTF-16LE text: odd number of bytes ("
                        + b.length + "); the file was cut or is not UTF-16");
            }
            return new Decoded(utf16le(b, 2, b.length), "UTF-16LE");
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            throw new EvidenceException(location, "not a registry script: UTF-16 big-endian text, which regedit"
                    + " refuses; save it as UTF-16LE (\"Unicode\") or ANSI");
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            throw new EvidenceException(location, "not a registry script: UTF-16 text without a byte-order mark,"
                    + " which regedit refuses; save it as UTF-16LE with BOM (\"Unicode\") or ANSI");
        }
        if (isAscii(b)) {
            return new Decoded(new String(b, StandardCharsets.US_ASCII), "ASCII");
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
            return new Decoded(utf8, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(b, ANSI), "ANSI (windows-1252)");
        }
    }

    /** Lines split at CR, LF or CRLF; a NUL ends a line's content, as in regedit's C strings. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                out.add(cutAtNul(text.substring(start, i)));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n || out.isEmpty()) {
            out.add(cutAtNul(text.substring(start)));
        }
        return out;
    }

    static String utf16le(byte[] b, int from, int to) {
        char[] chars = new char[Math.max(0, (to - from) / 2)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((b[from + 2 * i] & 0xFF) | (b[from + 2 * i + 1] & 0xFF) << 8);
        }
        return new String(chars);
    }

    static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        return text.substring(0, end);
    }

    static String cutAtNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static String stripLeading(String s) {
        return s.substring(skipBlanks(s, 0));
    }

    static boolean isBlankOrComment(String s) {
        String t = stripLeading(s);
        return t.isEmpty() || t.charAt(0) == ';';
    }

    static String describe(String valueName) {
        return valueName.isEmpty() ? "default value @" : "value " + quote(valueName);
    }

    /** Quoted for a one-line message, control characters made visible. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            boolean invisible = c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFD || Character.isSurrogate(c);
            b.append(invisible ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
