package io.tlsready.domain.fleet;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet use case: audit many remote hosts through the {@link RemoteHosts} port, and survive every kind of
 * broken host. Each host is a finding, never a crash of the run:
 * <ul>
 * <li>a fixed pool of {@code concurrency} workers takes hosts in order; no more hosts are in flight, ever;</li>
 * <li>each host has a deadline ({@link RemoteTarget#timeout()}, covering all its attempts): when it passes, the
 *     worker is interrupted and the host is reported UNKNOWN "no answer within 60 s";</li>
 * <li>{@link RemoteFailure#transientFailure() transient} failures are retried with exponential backoff and
 *     jitter, up to {@link Settings#retries()} times; every other failure is reported at once;</li>
 * <li>every result goes to the {@link Listener} the moment its host finishes, so a sink that writes it out
 *     loses nothing when the process dies later.</li>
 * </ul>
 * Memory stays flat as the fleet grows: host facts are dropped as soon as a host is evaluated; the host reports
 * are kept for a final report only when {@link Settings#keepReports()} asks for it.
 * <p>
 * This class is the use case's contract (settings, listener, outcome); the work is done by {@link FleetRun} (the
 * workers and the counts), {@link HostAttempts} (one host, every attempt), {@link RetryPolicy} (whether and when
 * to try again) and {@link HostDeadlines} (the timer that interrupts a host past its deadline).
 */
public final class FleetAudit {

    /**
     * Why 32: a host costs a dozen or so sequential WS-Man round trips and the worker mostly waits on the
     * network, so throughput grows with concurrency (32 workers at 20 ms per request: ~100 hosts/s). Past a few
     * dozen the gain goes to waiting on slow hosts, while each in-flight host holds a thread and a connection
     * (NTLM pins one per host), and hundreds of simultaneous connections from one admin box look like a scan to
     * firewalls and IDS. Raise it for big, fast networks with {@code --concurrency}.
     */
    public static final int DEFAULT_CONCURRENCY = 32;
    public static final int DEFAULT_RETRIES = 2;
    public static final int MAX_CONCURRENCY = 1024;
    public static final int MAX_RETRIES = 10;

    /**
     * @param concurrency  workers, hence hosts in flight at most
     * @param retries      extra attempts after a transient failure (0 = try once)
     * @param backoffBase  delay before the first retry; doubles each time, with jitter, up to {@code backoffMax}
     * @param keepReports  keep every host report for a final report; false when results only stream to a sink
     */
    public record Settings(int concurrency, int retries, Duration backoffBase, Duration backoffMax,
            boolean keepReports) {

        public Settings {
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY + ": " + concurrency);
            }
            if (retries < 0 || retries > MAX_RETRIES) {
                throw new IllegalArgumentException("retries must be 0.." + MAX_RETRIES + ": " + retries);
            }
            Objects.requireNonNull(backoffBase, "backoffBase");
            Objects.requireNonNull(backoffMax, "backoffMax");
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_CONCURRENCY, DEFAULT_RETRIES, Duration.ofMillis(500), Duration.ofSeconds(8),
                    true);
        }

        public Settings withConcurrency(int n) {
            return new Settings(n, retries, backoffBase, backoffMax, keepReports);
        }

        public Settings withRetries(int n) {
            return new Settings(concurrency, n, backoffBase, backoffMax, keepReports);
        }

        public Settings withBackoff(Duration base, Duration max) {
            return new Settings(concurrency, retries, base, max, keepReports);
        }

        public Settings withKeepReports(boolean keep) {
            return new Settings(concurrency, retries, backoffBase, backoffMax, keep);
        }
    }

    /** Counts at one moment of the run. */
    public record Progress(int total, int started, int done, int inFlight) {
    }

    /**
     * Receives the run as it happens. Calls are serialised (never two at once), so a sink needs no locking;
     * they happen on worker threads, so a slow listener slows the run. An exception from a listener (a full
     * disk) stops the run and is rethrown by {@link #run}: results that cannot be recorded must not be lost
     * silently.
     */
    public interface Listener {

        default void started(RemoteTarget target, Progress progress) {
        }

        /** A transient failure; the host is tried again after {@code delay}. */
        default void retrying(RemoteTarget target, int failedAttempt, Duration delay, String problem) {
        }

        void finished(RemoteTarget target, HostReport report, Progress progress);
    }

    /**
     * @param hosts       the reports in input order (only when kept; hosts not done because of cancellation are missing)
     * @param verdicts    hosts per verdict, always counted
     * @param unreachable hosts that could not be audited at all (a subset of UNKNOWN)
     * @param cancelled   the run was interrupted before every host was done
     */
    public record Outcome(List<HostReport> hosts, Map<Verdict, Integer> verdicts, int unreachable, boolean cancelled) {

        public Outcome {
            hosts = List.copyOf(hosts);
            verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
        }

        public int done() {
            return verdicts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(Verdict v) {
            return verdicts.getOrDefault(v, 0);
        }
    }

    private final AuditService audit;
    private final RemoteHosts remoteHosts;
    private final Settings settings;

    public FleetAudit(AuditService audit, RemoteHosts remoteHosts, Settings settings) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.remoteHosts = Objects.requireNonNull(remoteHosts, "remoteHosts");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Audits every target and returns when all are done. Interrupting the calling thread cancels the run: hosts
     * in flight are interrupted and not reported (a resumed run does them again), hosts not started are skipped,
     * and the outcome says {@code cancelled}.
     */
    public Outcome run(List<RemoteTarget> targets, Listener listener) {
        HostAttempts attempts = new HostAttempts(audit, remoteHosts, RetryPolicy.of(settings));
        return new FleetRun(attempts, settings, List.copyOf(targets), Objects.requireNonNull(listener, "listener"))
                .execute();
    }
}
