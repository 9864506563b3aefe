package io.tlsready.domain.output;

/**
 * One CSV cell (RFC 4180): quoted when it holds a separator, a quote or a line break, quotes doubled. A cell
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR: CWE-1236) gets a leading
 * apostrophe, which Excel and LibreOffice show as text and do not display. Everything else is carried as it is,
 * except a lone surrogate, which UTF-8 cannot encode: it is written as {@link Visible} shows it (a backslash,
 * {@code u} and four hex digits) rather than silently turned into {@code ?} by the encoder.
 */
public final class CsvText {

    private CsvText() {
    }

    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String v = encodable(startsFormula(s) ? "'" + s : s);
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';';
        }
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The text with every lone surrogate made {@link Visible}; paired surrogates and all else unchanged. */
    static String encodable(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(Visible.of(String.valueOf(c)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether {@link #cell} guards the text against formula evaluation. */
    public static boolean startsFormula(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
