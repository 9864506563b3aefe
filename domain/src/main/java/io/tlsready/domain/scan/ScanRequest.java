package io.tlsready.domain.scan;

import io.tlsready.domain.history.HostKey;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A scan to start: its targets in order (no host twice) and the credential profile to log on with.
 */
public record ScanRequest(List<ScanTarget> targets, String profile, String requestedBy) {

    public ScanRequest {
        targets = List.copyOf(targets);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one host");
        }
        Set<String> seen = new HashSet<>();
        for (ScanTarget t : targets) {
            if (!seen.add(HostKey.of(t.name()))) {
                throw new IllegalArgumentException("host '" + t.name() + "' is listed twice");
            }
        }
    }
}
