package io.tlsready.domain.fleet;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The fleet use case one host at a time, for a caller that hands out hosts itself (a service leasing targets from
 * a shared queue, whose list is not known up front): the same attempts, retries with backoff and per-host deadline
 * as {@link FleetAudit#run}, on the caller's thread. The caller keeps its own cap on hosts in flight. Close it to
 * stop the deadline timer.
 */
public final class HostAuditor implements AutoCloseable {

    private final HostAttempts attempts;
    private final HostDeadlines deadlines = new HostDeadlines();

    public HostAuditor(AuditService audit, RemoteHosts remoteHosts, FleetAudit.Settings settings) {
        this.attempts = new HostAttempts(audit, remoteHosts, RetryPolicy.of(Objects.requireNonNull(settings)));
    }

    /**
     * Audits one host until it answers, fails for good or its deadline passes; every failure is a report (UNKNOWN,
     * with the reason), never an exception.
     *
     * @param cancelled checked after each attempt; to stop a host in flight, make it true and interrupt the thread
     * @return the report, or empty when the host was cancelled while in flight
     */
    public Optional<HostReport> audit(RemoteTarget target, BooleanSupplier cancelled) {
        Objects.requireNonNull(cancelled, "cancelled");
        try (HostDeadlines.Alarm alarm = deadlines.arm(target.timeout())) {
            return Optional.ofNullable(attempts.audit(target, alarm, cancelled, (t, attempt, delay, problem) -> {
            }));
        }
    }

    @Override
    public void close() {
        deadlines.close();
    }
}
