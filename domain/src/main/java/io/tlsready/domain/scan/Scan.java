package io.tlsready.domain.scan;

import io.tlsready.domain.report.Verdict;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A scan and how far it got.
 *
 * @param id          opaque, unguessable (a random UUID)
 * @param profile     the credential profile's name (the profile itself never leaves the server's file)
 * @param requestedBy the token name that started it
 * @param total       targets in the scan
 * @param verdicts    finished targets per verdict
 * @param unreachable finished targets that could not be audited at all (a subset of UNKNOWN)
 * @param finishedAt  when it finished or was cancelled
 */
public record Scan(String id, String profile, String requestedBy, Instant createdAt, ScanState state, int total,
        Map<Verdict, Integer> verdicts, int unreachable, Optional<Instant> finishedAt) {

    public Scan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        verdicts = Collections.unmodifiableMap(verdicts.isEmpty() ? new EnumMap<>(Verdict.class) : new EnumMap<>(verdicts));
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** Targets with a stored report. */
    public int done() {
        return verdicts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Verdict v) {
        return verdicts.getOrDefault(v, 0);
    }
}
