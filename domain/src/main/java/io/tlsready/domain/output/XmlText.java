package io.tlsready.domain.output;

/**
 * Evidence in XML 1.0 (JUnit, and the markup of HTML). Markup characters become entities; tab, LF and CR become
 * character references so a parser gives them back unchanged (even in attributes); characters XML 1.0 cannot carry
 * at all (other C0 controls, U+FFFE, U+FFFF, lone surrogates) are written as visible escapes ({@code \x01},
 * {@code \ufffe}) rather than make the document unparsable.
 */
public final class XmlText {

    private XmlText() {
    }

    /** Text content or an attribute value (quoted with {@code "} or {@code '}). */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\t' -> sb.append("&#9;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        sb.append(c);
                    } else {
                        sb.append(Visible.of(String.valueOf(c)));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** What a conforming parser gives back for {@link #escape}'s output: the text XML could carry. */
    public static String carried(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || allowed(c)) {
                sb.append(c);
            } else {
                sb.append(Visible.of(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /** XML 1.0 Char production, BMP part, less the surrogates and tab/LF/CR handled above. */
    private static boolean allowed(char c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
