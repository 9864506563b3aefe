package io.tlsready.domain.port;

import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.history.RuleCount;
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

    /**
     * The rules that FAIL in hosts' latest reports, each with how many hosts, {@link RuleCount#MOST_HOSTS_FIRST most
     * hosts first}: "what to fix first" for a fleet. Rules that fail nowhere are not listed.
     */
    List<RuleCount> failingRules();

    /** One host's reports, newest first, at most {@code limit}; empty for a host never seen. */
    List<StoredReport> history(String host, int limit);

    Optional<StoredReport> report(long id);
}
