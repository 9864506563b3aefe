package io.tlsready.adapters.winrm.wsman;

/**
 * Carries the characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF) through the
 * JDK's XML 1.0 parser, which would otherwise refuse the whole reply. A registry string may hold any of them, and
 * a host writes them raw or as character references ({@code &#x1B;}); both are legitimate data, not markup.
 *
 * <p>Before parsing, {@link #shield} replaces each such character (raw, or a reference outside CDATA) with two
 * private-use characters: {@link #MARK} and a code. A {@code MARK} already in the text, raw or referenced, becomes
 * two {@code MARK}s, so nothing a host sends can forge a code. After parsing, {@link #unshield} turns element text and
 * attribute values back. References to allowed characters, entities and everything else are left to the parser.
 */
final class NonXmlCharacters {

    /** U+E000, private use: no meaning in WS-Management. */
    static final char MARK = '\uE000';
    private static final char CONTROL_BASE = '\uE100';
    private static final char FFFE_CODE = '\uE1FE';
    private static final char FFFF_CODE = '\uE1FF';
    /** "&#x10FFFF;" is the longest meaningful reference; longer digit runs are left to the parser to refuse. */
    private static final int MAX_DIGITS = 8;

    private NonXmlCharacters() {
    }

    static boolean forbidden(int cp) {
        return cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' || cp == 0xFFFE || cp == 0xFFFF;
    }

    static String shield(String xml) {
        if (!needsShield(xml)) {
            return xml;
        }
        StringBuilder sb = new StringBuilder(xml.length() + 16);
        int i = 0;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c == '<' && xml.startsWith("<![CDATA[", i)) {
                // In CDATA "&#x1B;" is six characters of text, not a reference.
                int end = xml.indexOf("]]>", i + 9);
                int stop = end < 0 ? xml.length() : end + 3;
                for (int j = i; j < stop; j++) {
                    putLiteral(sb, xml.charAt(j));
                }
                i = stop;
            } else if (c == '&' && i + 2 < xml.length() && xml.charAt(i + 1) == '#') {
                i = reference(xml, i, sb);
            } else {
                putLiteral(sb, c);
                i++;
            }
        }
        return sb.toString();
    }

    static String unshield(String text) {
        if (text.indexOf(MARK) < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != MARK || i + 1 == text.length()) {
                sb.append(c);
                continue;
            }
            char code = text.charAt(++i);
            if (code == MARK) {
                sb.append(MARK);
            } else if (code >= CONTROL_BASE && code < CONTROL_BASE + 0x20) {
                sb.append((char) (code - CONTROL_BASE));
            } else if (code == FFFE_CODE) {
                sb.append('\uFFFE');
            } else if (code == FFFF_CODE) {
                sb.append('\uFFFF');
            } else {
                sb.append(c).append(code); // cannot come from shield(): keep what was there
            }
        }
        return sb.toString();
    }

    private static boolean needsShield(String xml) {
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c == MARK || forbidden(c) || c == '&' && i + 1 < xml.length() && xml.charAt(i + 1) == '#') {
                return true;
            }
        }
        return false;
    }

    private static void putLiteral(StringBuilder sb, char c) {
        if (c == MARK) {
            sb.append(MARK).append(MARK);
        } else if (forbidden(c)) {
            sb.append(MARK).append(code(c));
        } else {
            sb.append(c);
        }
    }

    /** A reference at {@code start} ("&#"): shielded when it names a forbidden character or MARK, else kept. */
    private static int reference(String xml, int start, StringBuilder sb) {
        boolean hex = xml.charAt(start + 2) == 'x';
        int digits = start + (hex ? 3 : 2);
        int end = digits;
        while (end < xml.length() && end - digits <= MAX_DIGITS
                && (hex ? Character.digit(xml.charAt(end), 16) >= 0 : Character.isDigit(xml.charAt(end)))) {
            end++;
        }
        if (end == digits || end - digits > MAX_DIGITS || end >= xml.length() || xml.charAt(end) != ';') {
            sb.append('&');
            return start + 1; // not a reference we read: the parser judges it
        }
        long cp = Long.parseLong(xml.substring(digits, end), hex ? 16 : 10);
        if (cp == MARK) {
            sb.append(MARK).append(MARK);
        } else if (cp <= 0xFFFF && forbidden((int) cp)) {
            sb.append(MARK).append(code((int) cp));
        } else {
            sb.append(xml, start, end + 1);
        }
        return end + 1;
    }

    private static char code(int cp) {
        return cp == 0xFFFE ? FFFE_CODE : cp == 0xFFFF ? FFFF_CODE : (char) (CONTROL_BASE + cp);
    }
}
