package io.tlsready.domain.audit;

import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        return new Run(List.copyOf(targets), Objects.requireNonNull(listener, "listener")).execute();
    }

    /** "no answer within 60 s" */
    static String noAnswer(Duration timeout) {
        long ms = timeout.toMillis();
        return "no answer within " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }

    /** Exponential backoff with "equal jitter": half the step fixed, half random, so retries never stampede. */
    Duration backoff(int failedAttempt) {
        long base = Math.max(1, settings.backoffBase().toMillis());
        long step = Math.min(settings.backoffMax().toMillis(), base << Math.min(failedAttempt - 1, 20));
        long half = Math.max(1, step / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** Interrupts one worker when its host's deadline passes, unless the host finished first. */
    private static final class Alarm {
        private final Thread worker;
        private boolean armed = true;
        private boolean rang;

        Alarm(Thread worker) {
            this.worker = worker;
        }

        synchronized void ring() {
            if (armed) {
                rang = true;
                worker.interrupt();
            }
        }

        synchronized void disarm() {
            armed = false;
        }

        synchronized boolean rang() {
            return rang;
        }
    }

    private final class Run {
        private final List<RemoteTarget> targets;
        private final Listener listener;
        private final HostReport[] kept;
        private final AtomicInteger next = new AtomicInteger();
        private final Object lock = new Object();
        private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        private int started;
        private int done;
        private int inFlight;
        private int unreachable;
        private volatile boolean cancelled;
        private volatile Throwable fatal;
        private ScheduledThreadPoolExecutor alarms;
        private ExecutorService pool;

        Run(List<RemoteTarget> targets, Listener listener) {
            this.targets = targets;
            this.listener = listener;
            this.kept = settings.keepReports() ? new HostReport[targets.size()] : null;
        }

        Outcome execute() {
            int workers = Math.min(settings.concurrency(), targets.size());
            if (workers > 0) {
                alarms = new ScheduledThreadPoolExecutor(1, daemon("tlsready-deadline-"));
                alarms.setRemoveOnCancelPolicy(true); // 5,000 cancelled 60 s alarms must not pile up
                pool = Executors.newFixedThreadPool(workers, daemon("tlsready-fleet-"));
                try {
                    for (int w = 0; w < workers && !cancelled; w++) {
                        try {
                            pool.execute(this::work);
                        } catch (java.util.concurrent.RejectedExecutionException e) {
                            break; // an early worker already failed and shut the pool down; its error is reported
                        }
                    }
                    pool.shutdown();
                    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                        // waiting; an interrupt of the caller cancels
                    }
                } catch (InterruptedException e) {
                    cancel();
                    awaitQuietly();
                    Thread.currentThread().interrupt();
                } finally {
                    alarms.shutdownNow();
                }
            }
            Throwable f = fatal;
            if (f instanceof RuntimeException) {
                throw (RuntimeException) f;
            }
            if (f instanceof Error) {
                throw (Error) f;
            }
            List<HostReport> hosts = new ArrayList<>();
            if (kept != null) {
                for (HostReport r : kept) {
                    if (r != null) {
                        hosts.add(r);
                    }
                }
            }
            synchronized (lock) {
                return new Outcome(hosts, verdicts, unreachable, cancelled || done < targets.size());
            }
        }

        private void cancel() {
            cancelled = true;
            pool.shutdownNow();
        }

        private void awaitQuietly() {
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }

        private void work() {
            try {
                while (!cancelled) {
                    int i = next.getAndIncrement();
                    if (i >= targets.size()) {
                        return;
                    }
                    RemoteTarget target = targets.get(i);
                    begin(target);
                    HostReport report = auditWithDeadline(target);
                    finish(i, target, report);
                }
            } catch (RuntimeException | Error e) {
                synchronized (lock) {
                    if (fatal == null) {
                        fatal = e;
                    }
                }
                cancel();
            }
        }

        private void begin(RemoteTarget target) {
            synchronized (lock) {
                started++;
                inFlight++;
                listener.started(target, progress());
            }
        }

        /** {@code report} is null when the run was cancelled while the host was in flight. */
        private void finish(int index, RemoteTarget target, HostReport report) {
            synchronized (lock) {
                inFlight--;
                if (report == null) {
                    return;
                }
                done++;
                verdicts.merge(report.verdict(), 1, Integer::sum);
                if (report.error().isPresent()) {
                    unreachable++;
                }
                if (kept != null) {
                    kept[index] = report;
                }
                listener.finished(target, report, progress());
            }
        }

        private Progress progress() {
            return new Progress(targets.size(), started, done, inFlight);
        }

        private HostReport auditWithDeadline(RemoteTarget target) {
            Alarm alarm = new Alarm(Thread.currentThread());
            long timeout = target.timeout().toNanos();
            ScheduledFuture<?> ring = alarms.schedule(alarm::ring, timeout, TimeUnit.NANOSECONDS);
            try {
                return attempts(target, alarm, System.nanoTime() + timeout);
            } finally {
                ring.cancel(false);
                alarm.disarm();
                // An alarm that rang just as the host answered must not interrupt the next host; cancellation
                // is tracked by the flag, not by the interrupt status.
                Thread.interrupted();
            }
        }

        private HostReport attempts(RemoteTarget target, Alarm alarm, long deadline) {
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
                    return cancelled ? null : alarm.rang() ? timedOut(target, source)
                            : AuditService.failed(target.host(), source, e.problem());
                } catch (RuntimeException e) {
                    // An adapter bug must cost one host, not the run.
                    return cancelled ? null : alarm.rang() ? timedOut(target, source)
                            : AuditService.failed(target.host(), source, "unexpected error: " + e);
                }
                if (cancelled) {
                    return null;
                }
                if (alarm.rang()) {
                    return timedOut(target, source);
                }
                String tries = attempt > 1 ? " (" + attempt + " attempts)" : "";
                if (!failure.transientFailure() || attempt > settings.retries()) {
                    return AuditService.failed(target.host(), source, failure.problem() + tries);
                }
                Duration delay = backoff(attempt);
                if (System.nanoTime() + delay.toNanos() >= deadline) {
                    return AuditService.failed(target.host(), source, failure.problem() + " (" + attempt
                            + (attempt > 1 ? " attempts" : " attempt") + "; no time left to retry within "
                            + noAnswer(target.timeout()).substring("no answer within ".length()) + ")");
                }
                synchronized (lock) {
                    listener.retrying(target, attempt, delay, failure.problem());
                }
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    return cancelled ? null : timedOut(target, source);
                }
            }
        }

        private HostReport timedOut(RemoteTarget target, String source) {
            return AuditService.failed(target.host(), source, noAnswer(target.timeout()));
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
