package io.tlsready.domain.fleet;

import io.tlsready.domain.port.RemoteFailure;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether a failed attempt is tried again, and after how long: only {@link RemoteFailure#transientFailure()
 * transient} failures, at most {@code retries} times, after an exponential backoff with jitter.
 *
 * @param retries     extra attempts after a transient failure (0 = try once)
 * @param backoffBase delay before the first retry; doubles each time, with jitter, up to {@code backoffMax}
 * @param backoffMax  the longest delay
 */
record RetryPolicy(int retries, Duration backoffBase, Duration backoffMax) {

    static RetryPolicy of(FleetAudit.Settings settings) {
        return new RetryPolicy(settings.retries(), settings.backoffBase(), settings.backoffMax());
    }

    /** {@code failedAttempt} is 1-based: the attempt that just failed. */
    boolean retries(RemoteFailure failure, int failedAttempt) {
        return failure.transientFailure() && failedAttempt <= retries;
    }

    /** Exponential backoff with "equal jitter": half the step fixed, half random, so retries never stampede. */
    Duration backoff(int failedAttempt) {
        long base = Math.max(1, backoffBase.toMillis());
        long step = Math.min(backoffMax.toMillis(), base << Math.min(failedAttempt - 1, 20));
        long half = Math.max(1, step / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
