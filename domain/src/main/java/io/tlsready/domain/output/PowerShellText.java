package io.tlsready.domain.output;

/**
 * Evidence written into a PowerShell script. Only two shapes are ever used: a single-quoted literal (no
 * expansion inside; the only special characters are the quotes themselves, and PowerShell counts the typographic
 * quotes U+2018..U+201B as single quotes too) and a {@code #} comment, which a line break would end.
 */
public final class PowerShellText {

    private PowerShellText() {
    }

    /** The body of a single-quoted literal: every quote character PowerShell honours doubled. */
    public static String singleQuoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || (c >= '\u2018' && c <= '\u201b')) {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A whole single-quoted literal, {@code 'text'}, kept on one line: a line break inside would be legal PowerShell
     * but would hide text from a reader of the script, and a lone surrogate cannot be encoded; both are refused.
     */
    public static String literal(String what, String text) {
        if (!RegText.canQuote(text)) {
            throw new UnwritableTextException(what, text,
                    "a PowerShell literal in a plan cannot carry a line break, NUL or lone surrogate");
        }
        return "'" + singleQuoted(text) + "'";
    }

    /** A comment's text: one line, every control and steering character shown as an escape. */
    public static String comment(String text) {
        // "#>" inside a line comment is harmless, but "<#" would open a block comment on a later line only if a
        // line break reached the file, which Visible rules out.
        return Visible.of(text);
    }
}
