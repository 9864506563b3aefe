package io.tlsready.domain.output;

/**
 * Evidence written into a .reg file (regedit's "Windows Registry Editor Version 5.00" format, read by
 * {@code reg import} and regedit). A .reg file is line-oriented: a key is {@code [path]} alone on a line, a value
 * is {@code "name"=data}, a comment is {@code ;} to the end of the line. Evidence must never start a line of
 * its own, so anything that could end one (CR, LF, and every other control) never reaches the file raw.
 */
public final class RegText {

    private RegText() {
    }

    /** A comment's text: one line, every control and steering character shown as an escape. */
    public static String comment(String text) {
        return Visible.of(text);
    }

    /**
     * A full key path for a {@code [...]} line. A key name may hold almost anything, but a .reg file has no escape
     * for a line break or a NUL inside brackets, and a leading {@code -} turns the line into a deletion.
     */
    public static String keyPath(String path) {
        if (path.isEmpty() || path.charAt(0) == '-') {
            throw new UnwritableTextException("registry key", path,
                    "a .reg key line that starts with '-' deletes the key");
        }
        if (!canQuote(path)) {
            throw new UnwritableTextException("registry key", path,
                    "a .reg file cannot carry a line break, NUL or lone surrogate inside a key name");
        }
        return path;
    }

    /**
     * A value name, or REG_SZ data, inside double quotes: backslash and quote escaped as regedit does. A line
     * break or NUL has no escape inside quotes, and a lone surrogate no encoding; names holding one are refused ({@link #canQuote} tells first).
     */
    public static String quoted(String what, String text) {
        if (!canQuote(text)) {
            throw new UnwritableTextException(what, text,
                    "a .reg file cannot carry a line break, NUL or lone surrogate inside quotes");
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Whether {@link #quoted} can write the text faithfully (else REG_SZ data goes out as {@code hex(1):}). */
    public static boolean canQuote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return false;
            }
            // A lone surrogate is no character: UTF-16 and UTF-8 encoders replace it, so the file would name another.
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
