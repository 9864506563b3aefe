package io.tlsready.domain.history;

import io.tlsready.domain.report.HostReport;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One host report as the history keeps it.
 *
 * @param id        assigned by the store, increasing in the order reports were saved
 * @param report    the report exactly as it was made (findings, evidence, provenance)
 * @param auditedAt when it was made
 * @param scanId    the scan it belongs to; empty for an uploaded offline audit
 */
public record StoredReport(long id, HostReport report, Instant auditedAt, Optional<String> scanId) {

    public StoredReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(auditedAt, "auditedAt");
        Objects.requireNonNull(scanId, "scanId");
    }

    public String host() {
        return report.host();
    }
}
