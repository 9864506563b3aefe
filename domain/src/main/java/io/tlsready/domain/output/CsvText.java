package io.tlsready.domain.output;

/**
 * One CSV cell (RFC 4180): quoted when it holds a separator, a quote or a line break, quotes doubled. A cell
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR: CWE-1236) gets a leading
 * apostrophe, which Excel and LibreOffice show as text and do not display.
 */
public final class CsvText {

    private CsvText() {
    }

    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String v = startsFormula(s) ? "'" + s : s;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';';
        }
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
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
