package io.tlsready.domain.output;

/**
 * Evidence shown to a person: every character that a terminal, an editor or a browser would act on instead of
 * show (C0 and C1 controls, DEL, bidirectional overrides and isolates, line and paragraph separators, zero-width
 * and other invisible format characters, non-characters, lone surrogates) is written as a visible escape:
 * {@code \x1b}, {@code \r}, {@code \u202e}. Printable text, letters of any script included, passes unchanged.
 *
 * <p>This is for reading, not for round trips: a literal backslash stays a backslash (registry paths are full
 * of them). Formats that must round-trip (JSON, XML, .reg) escape with their own rules instead.
 */
public final class Visible {

    private Visible() {
    }

    /** The text with every invisible or steering character written as an escape. */
    public static String of(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && !needsEscape(s, i)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                if (steers(cp)) {
                    sb.append(String.format("\\U%08x", cp));
                } else {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (needsEscape(s, i)) {
                escape(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@link #of} in double quotes, for naming evidence inside a message. */
    public static String quoted(String s) {
        return "\"" + of(s) + "\"";
    }

    /** Whether {@link #of} would change the text. */
    public static boolean isPlain(String s) {
        return s == null || of(s).equals(s);
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                return steers(Character.toCodePoint(c, s.charAt(i + 1)));
            }
            return Character.isHighSurrogate(c) || i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return steers(c);
    }

    private static void escape(StringBuilder sb, char c) {
        switch (c) {
            case '\r' -> sb.append("\\r");
            case '\n' -> sb.append("\\n");
            case '\t' -> sb.append("\\t");
            default -> {
                if (c < 0x100) {
                    sb.append(String.format("\\x%02x", (int) c));
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
    }

    /**
     * Characters that act rather than show: controls (Cc), format characters (Cf: bidi controls, zero-width
     * joiners, BOM, tag characters), line/paragraph separators (Zl, Zp), private use is left alone, unassigned
     * code points and non-characters (U+FFFE, U+FFFF, ...) are escaped because no font shows them. Public so
     * that other encoders (JSON) escape the same set, and tests can prove no such character is left.
     */
    public static boolean steers(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.UNASSIGNED, Character.SURROGATE -> true;
            default -> false;
        };
    }
}
