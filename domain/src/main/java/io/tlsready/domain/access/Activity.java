package io.tlsready.domain.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the activity log: who did what, when, and how it ended.
 *
 * @param actor  the token's name ("-" when no valid token was given)
 * @param action e.g. {@code POST /api/v1/scans}, or {@code token create} from the command line
 * @param target what it was done to (a scan id, a host, a token name), or empty
 * @param status the HTTP status answered (0 for command-line actions)
 */
public record Activity(Instant at, String actor, String action, String target, int status) {

    public Activity {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
    }
}
