package io.tlsready.adapters.windows.offline.kbtext;

import io.tlsready.domain.port.EvidenceException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of a systeminfo / wmic / Get-HotFix dump into text. Such files come from cmd.exe
 * redirection (OEM code page: CP850, CP437, CP866, GBK...), PowerShell redirection (UTF-16LE with BOM),
 * or WMIC on XP (an ASCII "Please wait..." line glued to BOM-less UTF-16LE), so the encoding is guessed.
 */
final class KbTextDecoder {

    /** The text and a short name of the encoding that was chosen (for messages and tests). */
    record Decoded(String text, String encoding) {}

    /**
     * Single-byte and double-byte code pages cmd.exe writes, most likely first: ties go to the earlier one.
     * Only the ones this JRE supports are tried. In a holder: looking them up costs start-up time that an
     * ASCII or UTF-16 file (the usual case) never needs.
     */
    private static final class Legacy {
        static final List<Charset> CHARSETS = supported(
                "IBM850", "IBM437", "windows-1252", "IBM866", "windows-1251", "IBM852", "windows-1250",
                "GBK", "Big5", "Shift_JIS", "x-windows-949");
    }

    private static final int SAMPLE_BYTES = 256 * 1024;

    private KbTextDecoder() {
    }

    static Decoded decode(String location, byte[] b) {
        if (b.length == 0) {
            throw new EvidenceException(location, "empty file");
        }
        Decoded d = decodeRaw(location, b);
        if (looksBinary(d.text())) {
            throw new EvidenceException(location, "binary content (" + d.encoding()
                    + " decoding gives control characters), not systeminfo / wmic qfe / Get-HotFix text");
        }
        return d;
    }

    private static Decoded decodeRaw(String location, byte[] b) {
        int u0 = b[0] & 0xFF;
        int u1 = b.length > 1 ? b[1] & 0xFF : -1;
        if (u0 == 0xFF && u1 == 0xFE) {
            return new Decoded(lenient(StandardCharsets.UTF_16LE, b, 2, 2 + evenLength(b, 2)), "UTF-16LE");
        }
        if (u0 == 0xFE && u1 == 0xFF) {
            return new Decoded(lenient(StandardCharsets.UTF_16BE, b, 2, 2 + evenLength(b, 2)), "UTF-16BE");
        }
        if (b.length >= 3 && u0 == 0xEF && u1 == 0xBB && (b[2] & 0xFF) == 0xBF) {
            String s = strict(StandardCharsets.UTF_8, b, 3, b.length);
            return new Decoded(s != null ? s : lenient(StandardCharsets.UTF_8, b, 3, b.length), "UTF-8");
        }
        int nuls = 0;
        for (byte x : b) {
            if (x == 0) {
                nuls++;
            }
        }
        return nuls > 0 ? decodeUtf16WithoutBom(location, b, nuls) : decodeEightBit(b, 0, b.length);
    }

    /**
     * UTF-16 without BOM, possibly after an 8-bit prefix (XP's "Please wait while WMIC is being installed."
     * is written by wmic.exe in the OEM code page before it switches to UTF-16). ASCII characters in
     * UTF-16LE look like "x\0y\0", so the first such pattern marks where UTF-16 starts.
     */
    private static Decoded decodeUtf16WithoutBom(String location, byte[] b, int nuls) {
        int start = -1;
        boolean little = true;
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] != 0 && b[i + 1] == 0 && b[i + 2] != 0 && b[i + 3] == 0) {
                start = i;
                break;
            }
            if (b[i] == 0 && b[i + 1] != 0 && b[i + 2] == 0 && b[i + 3] != 0) {
                start = i;
                little = false;
                break;
            }
        }
        // Text may start before the first ASCII pair: "Имя узла" is 18 04 3C 04 ... in UTF-16LE. Step back
        // over code units U+0000-U+1FFF (ASCII, Latin, Greek, Cyrillic...); an 8-bit ASCII prefix read as
        // UTF-16 has a "high byte" >= 0x20 and stops the walk.
        while (start >= 2) {
            int hi = (little ? b[start - 1] : b[start - 2]) & 0xFF;
            int lo = (little ? b[start - 2] : b[start - 1]) & 0xFF;
            if (hi > 0x1F || (hi == 0 && lo == 0)) {
                break;
            }
            start -= 2;
        }
        // A stray NUL or a UTF-16 island in binary data is not text: UTF-16 of systeminfo/wmic text is
        // mostly ASCII padding, so at least a fifth of the bytes after the start are NULs.
        if (start < 0 || nuls * 5L < (b.length - start) || hasNul(b, 0, start)) {
            throw new EvidenceException(location, "binary content (NUL bytes outside UTF-16 text)");
        }
        Charset cs = little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        String tail = lenient(cs, b, start, start + evenLength(b, start));
        String name = little ? "UTF-16LE (no BOM)" : "UTF-16BE (no BOM)";
        if (start == 0) {
            return new Decoded(tail, name);
        }
        Decoded head = decodeEightBit(b, 0, start);
        return new Decoded(head.text() + tail, head.encoding() + " + " + name);
    }

    private static Decoded decodeEightBit(byte[] b, int from, int to) {
        String utf8 = strict(StandardCharsets.UTF_8, b, from, to);
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8");
        }
        if (controlBytes(b, from, Math.min(to, from + SAMPLE_BYTES)) > 2) {
            // Bytes below 0x20 are controls in every candidate: binary, whatever the code page (saves the guessing).
            return new Decoded(lenient(StandardCharsets.ISO_8859_1, b, from, to), "8-bit");
        }
        // The code page shows in the first few hundred KB; scoring all of a huge file with every candidate
        // would only cost time.
        int sampleEnd = Math.min(to, from + SAMPLE_BYTES);
        Charset best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Charset cs : Legacy.CHARSETS) {
            int score = score(lenient(cs, b, from, sampleEnd));
            if (score > bestScore) {
                bestScore = score;
                best = cs;
            }
        }
        Charset chosen = best != null ? best : StandardCharsets.ISO_8859_1;
        return new Decoded(lenient(chosen, b, from, to), chosen.name());
    }

    /**
     * How plausible a decoding is: known systeminfo labels weigh most; then every non-ASCII character
     * counts for (letters that fit their word) or against (symbols, box drawing, replacement characters,
     * a capital inside a lower-case word, a script switch inside a word). Wrong code pages turn accented
     * letters into symbols or into letters of another script glued to ASCII letters.
     */
    static int score(String s) {
        int score = 0;
        for (String line : s.split("\r\n|\r|\n")) {
            // ASCII-only labels read the same in every candidate, so only the others can tell them apart.
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !isAscii(line)) {
                int colon = line.indexOf(':');
                if (colon > 0 && SystemInfoLabels.isKnownLabel(SystemInfoLabels.normalizeLabel(line.substring(0, colon)))) {
                    score += 20;
                }
            }
        }
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                int end = i;
                while (end < n && Character.isLetter(s.charAt(end))) {
                    end++;
                }
                score += scoreWord(s, i, end);
                i = end;
                continue;
            }
            if (c >= 0x80 && c != 0xA0) {
                score -= c == 0xFFFD ? 5 : 2;
            }
            i++;
        }
        return score;
    }

    private static int scoreWord(String s, int from, int to) {
        boolean ascii = false;
        Character.UnicodeScript script = null;
        boolean mixed = false;
        int nonAscii = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                ascii = true;
                continue;
            }
            nonAscii++;
            Character.UnicodeScript sc = Character.UnicodeScript.of(c);
            if (script != null && sc != script) {
                mixed = true;
            }
            script = sc;
        }
        if (nonAscii == 0 || to - from == 1) {
            return 0; // a lone symbol-like letter ("32ÿ503" is CP850's NBSP read as windows-1252) proves nothing
        }
        if (mixed || (ascii && script != Character.UnicodeScript.LATIN)) {
            return -3 * nonAscii;
        }
        int score = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                continue;
            }
            if (Character.isUpperCase(c) && k > from && Character.isLowerCase(s.charAt(k - 1))) {
                score -= 3;
            } else {
                score += script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC ? 1 : 2;
            }
        }
        return score;
    }

    /** Control bytes other than tab, CR, LF, FF, per 50 bytes (so a stray one is tolerated). */
    private static long controlBytes(byte[] b, int from, int to) {
        int bad = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                bad++;
            }
        }
        return bad * 50L / Math.max(1, to - from);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Control characters, C1 controls, unpaired surrogates or replacement characters in bulk mean binary. */
    static boolean looksBinary(String s) {
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
            if (control || (c >= 0x7F && c < 0xA0) || c == 0xFFFD || Character.isSurrogate(c)) {
                bad++;
            }
        }
        return bad > 2 && bad * 50L > s.length();
    }

    private static boolean hasNul(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Length from {@code from} rounded down to whole UTF-16 code units (a cut file may end mid-char). */
    private static int evenLength(byte[] b, int from) {
        return (b.length - from) & ~1;
    }

    private static String strict(Charset cs, byte[] b, int from, int to) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return dec.decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String lenient(Charset cs, byte[] b, int from, int to) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer out = dec.decode(ByteBuffer.wrap(b, from, Math.max(0, to - from)));
            return out.toString();
        } catch (CharacterCodingException e) {
            return ""; // cannot happen with REPLACE
        }
    }

    private static List<Charset> supported(String... names) {
        List<Charset> out = new ArrayList<>();
        for (String n : names) {
            try {
                if (Charset.isSupported(n)) {
                    out.add(Charset.forName(n));
                }
            } catch (IllegalArgumentException e) {
                // not in this JRE (jdk.charsets module absent): skip it
            }
        }
        return List.copyOf(out);
    }
}
