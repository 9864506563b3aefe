package io.tlsready.domain.history;

import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's latest report in brief, for listings of thousands of hosts.
 *
 * @param reportId  the {@link StoredReport#id()} it summarises
 * @param failing   the rules with status FAIL, in rule-book order
 * @param error     why the host could not be audited, if it could not
 * @param cause     the error's {@link FailureCause}; present exactly when {@code error} is
 */
public record HostSummary(String host, Verdict verdict, Instant auditedAt, List<RuleId> failing, long reportId,
        Optional<String> scanId, Optional<String> error, Optional<FailureCause> cause) {

    public HostSummary {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(auditedAt, "auditedAt");
        failing = List.copyOf(failing);
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
        if (error.isPresent() != cause.isPresent()) {
            throw new IllegalArgumentException(host + ": a cause goes with an error and only with one");
        }
    }

    public static HostSummary of(StoredReport r) {
        return new HostSummary(r.host(), r.report().verdict(), r.auditedAt(),
                r.report().findings().stream().filter(f -> f.status() == io.tlsready.domain.rules.Status.FAIL)
                        .map(io.tlsready.domain.rules.Finding::rule).sorted().toList(),
                r.id(), r.scanId(), r.report().error(), FailureCause.of(r.report()));
    }
}
