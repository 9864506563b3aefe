package io.tlsready.domain.facts;

import java.util.Objects;
import java.util.Optional;

/**
 * What a source knows about one thing. ABSENT (looked for, not there: the OS default applies) and
 * NOT_COLLECTED (the source never covered it: the rule cannot decide) are different on purpose;
 * confusing them is how peer tools report wrong answers (design.md, "the heart of correctness").
 */
public sealed interface Fact<T> {

    /**
     * The value was found; {@code at} is the file and line it was read from, when the source has lines (issue 13).
     * {@code at} is where the value was shown, not what was observed: two facts with the same value and origin are
     * equal wherever they were read (an export and the snapshot made from it hold the same fact).
     */
    record Present<T>(T value, String origin, Optional<SourceLine> at) implements Fact<T> {
        public Present {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(at, "at");
        }

        public Present(T value, String origin) {
            this(value, origin, Optional.empty());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Present<?> p && value.equals(p.value) && origin.equals(p.origin);
        }

        @Override
        public int hashCode() {
            return Objects.hash(value, origin);
        }
    }

    /**
     * The source covered this place and the value is not there; {@code at} is the line of the key that lacks it (or
     * of the line that deletes it), when the source has lines. Equality as for {@link Present}: {@code at} aside.
     */
    record Absent<T>(String origin, Optional<SourceLine> at) implements Fact<T> {
        public Absent {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(at, "at");
        }

        public Absent(String origin) {
            this(origin, Optional.empty());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Absent<?> a && origin.equals(a.origin);
        }

        @Override
        public int hashCode() {
            return origin.hashCode();
        }
    }

    /** The source never looked here; {@code why} tells the admin what evidence is missing. */
    record NotCollected<T>(String why) implements Fact<T> {
        public NotCollected {
            Objects.requireNonNull(why, "why");
        }
    }

    static <T> Fact<T> present(T value, String origin) {
        return new Present<>(value, origin);
    }

    static <T> Fact<T> absent(String origin) {
        return new Absent<>(origin);
    }

    /** PRESENT, read at {@code at} (a file and line). */
    static <T> Fact<T> present(T value, String origin, SourceLine at) {
        return new Present<>(value, origin, Optional.of(at));
    }

    /** ABSENT, as {@code at} (a file and line) shows. */
    static <T> Fact<T> absent(String origin, SourceLine at) {
        return new Absent<>(origin, Optional.of(at));
    }

    /** Where this fact was read: a file and line, when the source has them. */
    default Optional<SourceLine> at() {
        if (this instanceof Present<T> p) {
            return p.at();
        }
        return this instanceof Absent<T> a ? a.at() : Optional.empty();
    }

    static <T> Fact<T> notCollected(String why) {
        return new NotCollected<>(why);
    }

    default Optional<T> asOptional() {
        return this instanceof Present<T> p ? Optional.of(p.value()) : Optional.empty();
    }

    default boolean isPresent() {
        return this instanceof Present;
    }

    default boolean isAbsent() {
        return this instanceof Absent;
    }

    default boolean isCollected() {
        return !(this instanceof NotCollected);
    }

    /** PRESENT, ABSENT or NOT_COLLECTED, as in reports. */
    default String state() {
        if (this instanceof Present) {
            return "PRESENT";
        }
        return this instanceof Absent ? "ABSENT" : "NOT_COLLECTED";
    }
}
