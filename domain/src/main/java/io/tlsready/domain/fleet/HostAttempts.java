package io.tlsready.domain.fleet;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One host, every attempt: open it through the {@link RemoteHosts} port, collect and evaluate; try again after a
 * transient failure while the {@link RetryPolicy} and the host's deadline allow. Every way a host can fail ends as
 * a report (UNKNOWN, with the reason), never as an exception: one broken host must not cost the run.
 */
final class HostAttempts {

    /** Hears about a transient failure before the host is tried again. */
    interface RetryNotice {
        void retrying(RemoteTarget target, int failedAttempt, Duration delay, String problem);
    }

    private final AuditService audit;
    private final RemoteHosts remoteHosts;
    private final RetryPolicy retry;

    HostAttempts(AuditService audit, RemoteHosts remoteHosts, RetryPolicy retry) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.remoteHosts = Objects.requireNonNull(remoteHosts, "remoteHosts");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * Audits {@code target} until it answers, fails for good, or its {@code alarm} rings. Returns null when the run
     * was {@code cancelled} while the host was in flight (a cancelled host is not reported: a resumed run does it).
     */
    HostReport audit(RemoteTarget target, HostDeadlines.Alarm alarm, BooleanSupplier cancelled, RetryNotice notice) {
        String source = "WinRM " + target.label();
        for (int attempt = 1; ; attempt++) {
            RemoteFailure failure;
            try {
                FactsSource facts = remoteHosts.open(target);
                source = facts.describe();
                return audit.audit(facts);
            } catch (RemoteFailure e) {
                failure = e;
            } catch (EvidenceException e) {
                return cancelled.getAsBoolean() ? null : alarm.rang() ? timedOut(target, source)
                        : AuditService.failed(target.host(), source, e.problem());
            } catch (RuntimeException e) {
                // An adapter bug must cost one host, not the run.
                return cancelled.getAsBoolean() ? null : alarm.rang() ? timedOut(target, source)
                        : AuditService.failed(target.host(), source, "unexpected error: " + e);
            }
            if (cancelled.getAsBoolean()) {
                return null;
            }
            if (alarm.rang()) {
                return timedOut(target, source);
            }
            if (!retry.retries(failure, attempt)) {
                String tries = attempt > 1 ? " (" + attempt + " attempts)" : "";
                return AuditService.failed(target.host(), source, failure.problem() + tries);
            }
            Duration delay = retry.backoff(attempt);
            if (!alarm.leavesTimeFor(delay)) {
                return AuditService.failed(target.host(), source, failure.problem() + " (" + attempt
                        + (attempt > 1 ? " attempts" : " attempt") + "; no time left to retry within "
                        + HostDeadlines.inWords(target.timeout()) + ")");
            }
            notice.retrying(target, attempt, delay, failure.problem());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return cancelled.getAsBoolean() ? null : timedOut(target, source);
            }
        }
    }

    private static HostReport timedOut(RemoteTarget target, String source) {
        return AuditService.failed(target.host(), source, HostDeadlines.noAnswer(target.timeout()));
    }
}
