package io.tlsready.sim;

import io.tlsready.domain.facts.RegistryPaths;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault that acts on registry writes (StdRegProv CreateKey, Set…Value, DeleteValue, DeleteKey), given like the
 * other faults with {@code --inject}:
 * <ul>
 * <li>{@code write-denied:KEY} — every write under the key (a physical path: {@code HKLM\…}, 32-bit keys spelled
 *     with {@code WOW6432Node}; case-insensitive, whole segments) answers ReturnValue 5, access denied. Reads are
 *     not affected.</li>
 * <li>{@code drop-after:N} — once N writes have succeeded, the next HTTP request's connection is reset (TCP RST),
 *     once; later connections are served again, so the client can still undo what it wrote.</li>
 * </ul>
 * On the command line a trailing {@code :FRACTION} below 1 puts the fault on that share of a fleet's hosts, disjoint
 * from the other faults ({@code --inject drop-after:3:5%}); without it every host gets it, on top of any other.
 *
 * @param kind  which fault
 * @param key   the key prefix of {@code write-denied} (normalised), empty for {@code drop-after}
 * @param count N of {@code drop-after}, 0 for {@code write-denied}
 */
public record WriteFault(Kind kind, String key, int count) {

    /** The two write faults. */
    public enum Kind {
        WRITE_DENIED("write-denied"), DROP_AFTER("drop-after");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public WriteFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (kind == Kind.WRITE_DENIED && key.isBlank()) {
            throw new IllegalArgumentException("write-denied needs a key, e.g. write-denied:HKLM\\SOFTWARE\\Microsoft");
        }
        if (count < 0) {
            throw new IllegalArgumentException("drop-after needs a count of 0 or more");
        }
        key = kind == Kind.WRITE_DENIED ? RegistryPaths.normalize(key) : "";
    }

    public static WriteFault writeDenied(String key) {
        return new WriteFault(Kind.WRITE_DENIED, key, 0);
    }

    public static WriteFault dropAfter(int writes) {
        return new WriteFault(Kind.DROP_AFTER, "", writes);
    }

    /** Whether {@code --inject} text names a write fault ({@code write-denied:…}, {@code drop-after:…}). */
    static boolean names(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("write-denied:") || t.startsWith("drop-after:");
    }

    /** How it is shown and given on the command line, e.g. {@code drop-after:3}. */
    public String label() {
        return kind.label + ":" + (kind == Kind.WRITE_DENIED ? key : Integer.toString(count));
    }

    @Override
    public String toString() {
        return label();
    }
}
