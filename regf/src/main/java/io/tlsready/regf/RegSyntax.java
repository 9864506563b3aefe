package io.tlsready.regf;

/**
 * What a line of a .reg file ("Windows Registry Editor Version 5.00") can carry: a key is {@code [path]} alone on
 * a line, a value is {@code "name"=data}. There is no escape for a line break or a NUL inside brackets or quotes,
 * and no encoding for a lone surrogate, so text holding one is refused here rather than written wrong. The same
 * rules as the domain's {@code RegText} (the plan writer's), which this library cannot use; a test keeps the two
 * in step.
 */
final class RegSyntax {

    private RegSyntax() {
    }

    /** Whether the text can stand inside quotes or brackets and read back exactly. */
    static boolean canQuote(String text) {
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

    /** Why {@code path} cannot be a {@code [...]} key line, or null when it can. */
    static String unwritableKeyPath(String path) {
        if (path.isEmpty() || path.charAt(0) == '-') {
            return "a .reg key line that starts with '-' deletes the key";
        }
        return canQuote(path) ? null
                : "a .reg file cannot carry a line break, NUL or lone surrogate inside a key name";
    }

    /** A value name or REG_SZ data inside double quotes, backslash and quote escaped as regedit does. */
    static String quoted(String text) {
        if (!canQuote(text)) {
            throw new IllegalArgumentException("a .reg file cannot carry a line break, NUL or lone surrogate inside quotes");
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
