package io.tlsready.domain.facts;

import java.util.Objects;

/**
 * Where in an evidence file an observation was read: the file as it was given (a path, for tools that open it, such
 * as SARIF viewers) and the 1-based line of the value, or of its key when the value is absent. {@code line} 0 means
 * the file as a whole: a hive, or a format whose reader does not count lines. Remote and live evidence has none.
 *
 * @param file the evidence file's path as given on the command line (or its name when only that is known)
 * @param line 1-based line number, 0 when no line applies
 */
public record SourceLine(String file, int line) {

    public SourceLine {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " < 0");
        }
    }

    /** The file as a whole (a hive file, a snapshot). */
    public static SourceLine file(String file) {
        return new SourceLine(file, 0);
    }

    public boolean hasLine() {
        return line > 0;
    }
}
