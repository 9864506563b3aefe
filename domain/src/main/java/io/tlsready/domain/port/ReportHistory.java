package io.tlsready.domain.port;

import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: every host report the service made, kept for good. Hosts are matched by
 * {@link io.tlsready.domain.history.HostKey} (case-insensitive names).
 */
public interface ReportHistory {

    /** Keeps an uploaded (offline) audit's report; scans record theirs through {@link ScanQueue#complete}. */
    StoredReport save(HostReport report, Instant auditedAt);

    /** The latest report of each host that matches, one page of them. */
    Page<HostSummary> latest(HostQuery query);

    /** One host's reports, newest first, at most {@code limit}; empty for a host never seen. */
    List<StoredReport> history(String host, int limit);

    Optional<StoredReport> report(long id);
}
