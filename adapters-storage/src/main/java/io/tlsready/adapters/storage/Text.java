package io.tlsready.adapters.storage;

/**
 * Free text as a column holds it. PostgreSQL's text cannot hold NUL, and a lone UTF-16 surrogate does not survive
 * UTF-8, yet host names, inventory lines and token names are data and must come back exactly; so those three are
 * escaped with a backslash (a backslash doubled, NUL as backslash-0, a lone surrogate as backslash-u and four hex
 * digits) in both dialects. The escape is injective: equality lookups on escaped columns stay exact.
 */
final class Text {

    private Text() {
    }

    static String put(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escaped = null;
            if (c == '\\') {
                escaped = "\\\\";
            } else if (c == 0) {
                escaped = "\\0";
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b != null) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                escaped = String.format("\\u%04x", (int) c);
            }
            if (escaped != null && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (escaped != null) {
                    b.append(escaped);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    static String get(String s) {
        if (s == null || s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char next = s.charAt(++i);
            if (next == '0') {
                b.append('\0');
            } else if (next == 'u' && i + 4 < s.length()) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                b.append(next);
            }
        }
        return b.toString();
    }

    /** A LIKE pattern (escape character {@code !}) that finds {@code part} anywhere in an escaped column. */
    static String containing(String part) {
        String escaped = put(part);
        StringBuilder b = new StringBuilder("%");
        for (char c : escaped.toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                b.append('!');
            }
            b.append(c);
        }
        return b.append('%').toString();
    }
}
