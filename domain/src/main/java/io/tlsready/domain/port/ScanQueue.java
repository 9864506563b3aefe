package io.tlsready.domain.port;

import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.scan.LeasedTarget;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: scans as jobs shared by every service instance on one store. Each target is leased by one
 * instance at a time; a result counts only while its lease holds, so no host is recorded twice in a scan and
 * none is lost when an instance dies (its leases expire and others take the targets).
 */
public interface ScanQueue {

    /** Stores a new scan (state RUNNING) with its targets, none leased yet. */
    Scan create(ScanRequest request, Instant at);

    Optional<Scan> scan(String id);

    /** Scans, newest first. */
    List<Scan> scans(int offset, int limit);

    /** How many scans are RUNNING (one count, for metrics scraped every few seconds). */
    long running();

    /**
     * Takes up to {@code max} targets of running scans that nobody holds (never leased, or the lease expired
     * before {@code now}), oldest scan first, in target order; they are {@code owner}'s until
     * {@code now + leaseFor}. Several instances calling at once never get the same target.
     */
    List<LeasedTarget> lease(String owner, int max, Instant now, Duration leaseFor);

    /**
     * Extends the leases {@code owner} still holds among {@code targets} until {@code until}.
     *
     * @return the targets whose lease was extended (a lease that had expired and was taken by another instance is
     *         not among them: its worker should stop)
     */
    List<LeasedTarget> renew(String owner, List<LeasedTarget> targets, Instant until);

    /**
     * Records a leased target's report, in one transaction with the report's place in the history; the scan
     * becomes FINISHED when it was its last target.
     *
     * @return the stored report, or empty when the lease was lost (expired and taken, or the scan cancelled):
     *         the report is then dropped, since another instance records (or recorded) that host
     */
    Optional<StoredReport> complete(LeasedTarget target, HostReport report, Instant at);

    /** Gives a lease back without a result (an instance shutting down), so another instance takes it at once. */
    void release(LeasedTarget target);

    /**
     * Stops a running scan: no more leases are granted for it and results still in flight are dropped.
     *
     * @return the scan as it now is, or empty when there is no such scan
     */
    Optional<Scan> cancel(String id, Instant at);

    /** The scan's stored reports in target order (only targets that finished). */
    List<StoredReport> reports(String scanId);
}
