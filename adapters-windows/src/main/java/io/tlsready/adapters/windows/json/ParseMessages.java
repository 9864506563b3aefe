package io.tlsready.adapters.windows.json;

import com.fasterxml.jackson.core.JsonLocation;
import io.tlsready.domain.output.Visible;

/** Pieces of one-line error messages about JSON input: parser messages quote the input, so they are cut to size. */
public final class ParseMessages {

    private static final int MAX = 200;

    private ParseMessages() {
    }

    /** " at line L, column C", or "" when the parser gave no location. */
    public static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Line breaks and the blanks around them folded into one space; at most 200 characters. */
    public static String oneLine(String s) {
        return clip(fold(s));
    }

    /** As {@link #oneLine}, and terminal-safe: whatever {@link Visible} escapes is escaped before cutting. */
    public static String oneVisibleLine(String s) {
        return clip(Visible.of(fold(s)));
    }

    private static String fold(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String clip(String t) {
        return t.length() > MAX ? t.substring(0, MAX) + "…" : t;
    }
}
