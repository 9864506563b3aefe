package io.tlsready.domain.port;

/** How one app words a {@link Hint} for its users: the CLI as its flags, the REST API as its request fields. */
@FunctionalInterface
public interface HintWords {

    /** The domain's own plain words ({@link Hint#neutral()}). */
    HintWords NEUTRAL = Hint::neutral;

    String of(Hint hint);
}
