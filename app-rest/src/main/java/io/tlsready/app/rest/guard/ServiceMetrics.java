package io.tlsready.app.rest.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.scan.ScanState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * What {@code /metrics} shows about the service, fed by the rooms that know: audits say how long they took,
 * scans say when they start and finish, and whoever reads the history tells how to count hosts by verdict. The
 * guard itself counts HTTP requests by method, route template and status (never the raw path: host names in
 * paths are hostile data and would make one series per name).
 *
 * <p>Names in the Prometheus text: {@code tlsready_audit_seconds} (histogram), {@code tlsready_scans_started_total},
 * {@code tlsready_scans_finished_total{state}}, {@code tlsready_scans_running}, {@code tlsready_hosts{verdict}},
 * {@code http_server_requests_seconds{method,route,status}}, {@code tlsready_http_rejected_total{reason}}.
 */
public final class ServiceMetrics {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final PrometheusMeterRegistry registry;
    private final Timer audits;
    private final Counter scansStarted;
    private final AtomicReference<ToLongFunction<Verdict>> hostCounts = new AtomicReference<>();
    private final AtomicReference<LongSupplier> runningScans = new AtomicReference<>();

    @Inject
    ServiceMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.audits = Timer.builder("tlsready.audit").description("Time to audit one host (upload or scan)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
        this.scansStarted = Counter.builder("tlsready.scans.started").description("Scans started")
                .register(registry);
        for (ScanState state : ScanState.values()) {
            if (state.over()) {
                scansFinishedCounter(state); // present at 0 from the start, so rates work from the first scrape
            }
        }
        for (Verdict v : Verdict.values()) {
            Gauge.builder("tlsready.hosts", hostCounts, h -> count(h.get(), v))
                    .description("Hosts whose latest report has this verdict").tag("verdict", v.name())
                    .register(registry);
        }
        Gauge.builder("tlsready.scans.running", runningScans, r -> r.get() == null ? 0 : r.get().getAsLong())
                .description("Scans not yet finished or cancelled").register(registry);
    }

    /** One host audited, from an upload or in a scan. */
    public void auditTook(Duration took) {
        audits.record(took);
    }

    public void scanStarted() {
        scansStarted.increment();
    }

    /** A scan ended; {@code state} is FINISHED or CANCELLED. */
    public void scanFinished(ScanState state) {
        scansFinishedCounter(state).increment();
    }

    /** How to count hosts by their latest verdict (e.g. from the report history's totals); read at each scrape. */
    public void hostsByVerdict(ToLongFunction<Verdict> count) {
        hostCounts.set(count);
    }

    /** How to count the scans still running (e.g. from the scan queue); read at each scrape. */
    public void scansRunning(LongSupplier running) {
        runningScans.set(running);
    }

    void httpRequest(String method, String route, int status, Duration took) {
        String m = method == null ? "OTHER" : method.toUpperCase(Locale.ROOT);
        Timer.builder("http.server.requests").tag("method", METHODS.contains(m) ? m : "OTHER")
                .tag("route", route).tag("status", Integer.toString(status)).register(registry)
                .record(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    void rejected(String reason) {
        Counter.builder("tlsready.http.rejected").description("Requests turned away before any route (busy)")
                .tag("reason", reason).register(registry).increment();
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }

    private Counter scansFinishedCounter(ScanState state) {
        return Counter.builder("tlsready.scans.finished").description("Scans finished or cancelled")
                .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private static double count(ToLongFunction<Verdict> f, Verdict v) {
        return f == null ? Double.NaN : f.applyAsLong(v);
    }
}
