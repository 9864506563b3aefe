package io.tlsready.app.rest.scans;

import io.tlsready.app.rest.Background;
import io.tlsready.app.rest.guard.ServiceMetrics;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.fleet.HostAuditor;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.scan.LeasedTarget;
import io.tlsready.domain.scan.ScanState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of every running scan. One poller thread leases free targets from the shared
 * {@link ScanQueue} while fewer than the CLI's concurrency (32) are in flight, renews the leases of the hosts in
 * flight every third of a lease, and stops a host whose lease was lost (taken by another instance after expiring,
 * or its scan cancelled). Each host is audited by {@link HostAuditor} (the CLI's retries and deadline) on a pool
 * thread and completed the moment it finishes; a completion the queue refuses (lease lost) is dropped, since
 * another instance records that host. {@link #stop()} interrupts the hosts in flight and gives their leases back,
 * so other instances take them at once instead of after the expiry.
 */
final class ScanWorker implements Background {

    private static final Logger LOG = LoggerFactory.getLogger(ScanWorker.class);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);

    /** One host in flight here. */
    private static final class Job {
        volatile LeasedTarget lease;
        volatile Thread thread;
        volatile boolean cancelled;

        Job(LeasedTarget lease) {
            this.lease = lease;
        }

        synchronized void start() {
            thread = Thread.currentThread();
        }

        synchronized void cancel() {
            cancelled = true;
            if (thread != null) {
                thread.interrupt();
            }
        }

        synchronized void end() {
            thread = null;
            Thread.interrupted(); // a cancel that raced the end must not reach the pool thread's next host
        }
    }

    private final ScanQueue queue;
    private final RemoteHosts hosts;
    private final AuditService audit;
    private final CredentialProfiles profiles;
    private final Clock clock;
    private final Duration lease;
    private final ServiceMetrics metrics;
    private final FleetAudit.Settings settings = FleetAudit.Settings.defaults().withKeepReports(false);
    private final String owner = "instance-" + UUID.randomUUID();
    private final Map<Long, Job> inFlight = new ConcurrentHashMap<>();
    private final Set<String> finishedScans = ConcurrentHashMap.newKeySet();
    private Thread poller;
    private ExecutorService pool;
    private HostAuditor auditor;
    private volatile boolean running;

    ScanWorker(ScanQueue queue, RemoteHosts hosts, AuditService audit, CredentialProfiles profiles, Clock clock,
            Duration lease, ServiceMetrics metrics) {
        this.queue = queue;
        this.metrics = metrics;
        this.hosts = RemoteHosts.worded(hosts, ScanHints.WORDS);
        this.audit = audit;
        this.profiles = profiles;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        auditor = new HostAuditor(audit, hosts, settings);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "tlsready-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        poller = new Thread(this::poll, "tlsready-scan-leases");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        joinQuietly(poller);
        List<LeasedTarget> held = new ArrayList<>();
        inFlight.values().forEach(j -> {
            held.add(j.lease);
            j.cancel();
        });
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("scan worker: hosts still in flight after 30 s; their leases expire on their own");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LeasedTarget l : held) {
            try {
                queue.release(l);
            } catch (RuntimeException e) {
                LOG.warn("scan worker: cannot give back the lease of {} (scan {}): {}", l.target().name(), l.scanId(),
                        e.toString());
            }
        }
        inFlight.clear();
        auditor.close();
    }

    /** Stops at once the hosts of {@code scanId} this instance has in flight (the scan was cancelled here). */
    void cancelled(String scanId) {
        inFlight.values().stream().filter(j -> j.lease.scanId().equals(scanId)).forEach(Job::cancel);
    }

    /** The id this instance leases under. */
    String owner() {
        return owner;
    }

    private void poll() {
        Duration renewEvery = lease.dividedBy(3);
        Duration sleep = renewEvery.compareTo(MAX_POLL) < 0 ? renewEvery : MAX_POLL;
        Instant nextRenewal = clock.instant().plus(renewEvery);
        while (running) {
            try {
                if (!clock.instant().isBefore(nextRenewal)) {
                    renew();
                    nextRenewal = clock.instant().plus(renewEvery);
                }
                leaseMore();
            } catch (RuntimeException e) {
                // the store may be down for a moment; leases expire on their own if it stays down
                LOG.warn("scan worker: {}", e.toString());
            }
            try {
                Thread.sleep(Math.max(1, sleep.toMillis()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void leaseMore() {
        int free = settings.concurrency() - inFlight.size();
        if (free <= 0) {
            return;
        }
        for (LeasedTarget l : queue.lease(owner, free, clock.instant(), lease)) {
            Job job = new Job(l);
            inFlight.put(l.targetId(), job);
            pool.execute(() -> work(job));
        }
    }

    private void renew() {
        List<LeasedTarget> held = inFlight.values().stream().map(j -> j.lease).toList();
        if (held.isEmpty()) {
            return;
        }
        Map<Long, LeasedTarget> renewed = queue.renew(owner, held, clock.instant().plus(lease)).stream()
                .collect(Collectors.toMap(LeasedTarget::targetId, l -> l));
        Set<Long> ids = renewed.keySet();
        for (LeasedTarget l : held) {
            Job job = inFlight.get(l.targetId());
            if (job == null) {
                continue;
            }
            if (ids.contains(l.targetId())) {
                job.lease = renewed.get(l.targetId());
            } else {
                LOG.debug("scan {}: lease of {} lost (scan cancelled, or taken after expiry); stopping it", l.scanId(),
                        l.target().name());
                job.cancel();
            }
        }
    }

    /** True once per scan in this instance: the scan's last host may finish on any worker thread. */
    private boolean finishedHere(String scanId) {
        return finishedScans.add(scanId);
    }

    private void work(Job job) {
        LeasedTarget l = job.lease;
        try {
            job.start();
            if (job.cancelled) {
                return;
            }
            long started = System.nanoTime();
            Optional<HostReport> report = target(l)
                    .map(t -> auditor.audit(t, () -> job.cancelled || !running))
                    .orElseGet(() -> Optional.of(AuditService.failed(l.target().name(), "scan " + l.scanId(),
                            "credential profile '" + l.profile() + "' is not configured on this server")));
            if (report.isPresent() && !job.cancelled && running) {
                metrics.auditTook(Duration.ofNanos(System.nanoTime() - started));
                if (queue.complete(job.lease, report.get(), clock.instant().truncatedTo(ChronoUnit.MILLIS)).isEmpty()) {
                    LOG.debug("scan {}: result for {} dropped, its lease was lost", l.scanId(), l.target().name());
                } else if (queue.scan(l.scanId()).filter(s -> s.state() == ScanState.FINISHED
                        && s.done() == s.total()).isPresent() && finishedHere(l.scanId())) {
                    metrics.scanFinished(ScanState.FINISHED);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("scan {}: {} not recorded (its lease will expire and it is tried again): {}", l.scanId(),
                    l.target().name(), e.toString());
        } finally {
            job.end();
            if (running) {
                inFlight.remove(l.targetId());
            }
        }
    }

    /**
     * The host as the adapter takes it, with its profile's account; empty when this server has no such profile (a
     * host no instance can log on to is reported as such, never left to be leased again forever).
     */
    private Optional<RemoteTarget> target(LeasedTarget l) {
        return profiles.profile(l.profile()).map(p -> p.target(l.target()));
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
