package io.tlsready.domain.scan;

import java.time.Instant;
import java.util.Objects;

/**
 * A target one instance holds until {@code leasedUntil}: only that instance may record its result, and only
 * while the lease holds. After it expires another instance may take the target (and the first one's late
 * result is refused), so a killed instance delays its hosts by one lease, never loses or doubles them.
 *
 * @param targetId the store's id of the target row
 * @param seq      the target's position in its scan, from 0
 */
public record LeasedTarget(long targetId, String scanId, int seq, ScanTarget target, String profile, String owner,
        Instant leasedUntil) {

    public LeasedTarget {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leasedUntil, "leasedUntil");
    }
}
