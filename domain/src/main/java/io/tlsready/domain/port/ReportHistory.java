package io.tlsready.domain.port;

import io.tlsready.domain.history.CauseCount;
import io.tlsready.domain.history.DailyVerdicts;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

    /**
     * Why hosts could not be audited: each {@link io.tlsready.domain.history.FailureCause} of hosts' latest reports
     * with how many hosts, {@link CauseCount#MOST_HOSTS_FIRST most hosts first}. Causes no host has are not listed.
     */
    List<CauseCount> failureCauses();

    /**
     * The fleet's readiness over time: one entry per UTC day from {@code from} to {@code to} (both included, in
     * order), counting each host by its latest report made by that day's end; hosts first seen later do not count.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to} or the range is over {@value #MAX_DAYS}
     *                                  days
     */
    List<DailyVerdicts> readiness(LocalDate from, LocalDate to);

    /** The longest {@link #readiness} range, in days. */
    int MAX_DAYS = 366;

    /** Checks a {@link #readiness} range; returns its length in days. */
    static int days(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("readiness: from " + from + " is after to " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("readiness: " + days + " days from " + from + " to " + to
                    + ", at most " + MAX_DAYS);
        }
        return (int) days;
    }

    /** One host's reports, newest first, at most {@code limit}; empty for a host never seen. */
    List<StoredReport> history(String host, int limit);

    Optional<StoredReport> report(long id);
}
