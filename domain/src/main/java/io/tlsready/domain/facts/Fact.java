package io.tlsready.domain.facts;

import java.util.Objects;
import java.util.Optional;

/**
 * What a source knows about one thing. ABSENT (looked for, not there: the OS default applies) and
 * NOT_COLLECTED (the source never covered it: the rule cannot decide) are different on purpose;
 * confusing them is how peer tools report wrong answers (design.md, "the heart of correctness").
 */
public sealed interface Fact<T> {

    /** The value was found. */
    record Present<T>(T value, String origin) implements Fact<T> {
        public Present {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** The source covered this place and the value is not there. */
    record Absent<T>(String origin) implements Fact<T> {
        public Absent {
            Objects.requireNonNull(origin, "origin");
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
