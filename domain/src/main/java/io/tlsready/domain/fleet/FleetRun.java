package io.tlsready.domain.fleet;

import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a fleet: a fixed pool of workers takes the hosts in input order (so no more than {@code concurrency}
 * are ever in flight), counts them, and tells the {@link FleetAudit.Listener} under one lock, so its calls never
 * overlap. Interrupting the caller cancels: hosts in flight are interrupted and not reported, the rest skipped.
 */
final class FleetRun {

    private final HostAttempts attempts;
    private final FleetAudit.Settings settings;
    private final List<RemoteTarget> targets;
    private final FleetAudit.Listener listener;
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
    private HostDeadlines deadlines;
    private ExecutorService pool;

    FleetRun(HostAttempts attempts, FleetAudit.Settings settings, List<RemoteTarget> targets,
            FleetAudit.Listener listener) {
        this.attempts = attempts;
        this.settings = settings;
        this.targets = targets;
        this.listener = listener;
        this.kept = settings.keepReports() ? new HostReport[targets.size()] : null;
    }

    FleetAudit.Outcome execute() {
        int workers = Math.min(settings.concurrency(), targets.size());
        if (workers > 0) {
            try (HostDeadlines timer = new HostDeadlines()) {
                deadlines = timer;
                pool = Executors.newFixedThreadPool(workers, daemon("tlsready-fleet-"));
                startAndAwait(workers);
            }
        }
        Throwable f = fatal;
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f instanceof Error) {
            throw (Error) f;
        }
        return outcome();
    }

    private void startAndAwait(int workers) {
        try {
            for (int w = 0; w < workers && !cancelled; w++) {
                try {
                    pool.execute(this::work);
                } catch (RejectedExecutionException e) {
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
        }
    }

    private FleetAudit.Outcome outcome() {
        List<HostReport> hosts = new ArrayList<>();
        if (kept != null) {
            for (HostReport r : kept) {
                if (r != null) {
                    hosts.add(r);
                }
            }
        }
        synchronized (lock) {
            return new FleetAudit.Outcome(hosts, verdicts, unreachable, cancelled || done < targets.size());
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
                HostReport report;
                try (HostDeadlines.Alarm alarm = deadlines.arm(target.timeout())) {
                    report = attempts.audit(target, alarm, () -> cancelled, this::retrying);
                }
                finish(i, target, report == null ? null : report.withTarget(target.label()));
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

    private void retrying(RemoteTarget target, int failedAttempt, Duration delay, String problem) {
        synchronized (lock) {
            listener.retrying(target, failedAttempt, delay, problem);
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

    private FleetAudit.Progress progress() {
        return new FleetAudit.Progress(targets.size(), started, done, inFlight);
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
