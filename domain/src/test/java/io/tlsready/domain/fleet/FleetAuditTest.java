package io.tlsready.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FleetAuditTest {

    private static final AuditService AUDIT = new AuditService(RuleBook.standard());
    private static final FleetAudit.Settings FAST = FleetAudit.Settings.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(4));

    /** What one host does on its n-th attempt (1-based): return facts, sleep, or throw. */
    interface Behaviour {
        HostFacts collect(String host, int attempt) throws InterruptedException;
    }

    static HostFacts ready(String host) {
        return Hosts.ready("2019").named(host).build();
    }

    static HostFacts notReady(String host) {
        return Hosts.windows("2008R2").x64().coverAll().updates("KB5000001").named(host).build();
    }

    /** A fake fleet that measures how many hosts are being collected at once. */
    static final class FakeFleet implements RemoteHosts {
        final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        Behaviour fallback = (host, attempt) -> ready(host);

        FakeFleet on(String host, Behaviour b) {
            behaviours.put(host, b);
            return this;
        }

        int attempts(String host) {
            return attempts.getOrDefault(host, new AtomicInteger()).get();
        }

        @Override
        public FactsSource open(RemoteTarget target) {
            return new FactsSource() {
                @Override
                public String describe() {
                    return "fake WinRM " + target.label();
                }

                @Override
                public HostFacts collect(FactsRequest request) {
                    int now = inFlight.incrementAndGet();
                    maxInFlight.accumulateAndGet(now, Math::max);
                    try {
                        int n = attempts.computeIfAbsent(target.host(), h -> new AtomicInteger()).incrementAndGet();
                        return behaviours.getOrDefault(target.host(), fallback).collect(target.host(), n);
                    } catch (InterruptedException e) {
                        // What a real adapter does: the interrupted request surfaces as a transport failure.
                        throw new RemoteFailure(target.host(), "request interrupted", true, e);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            };
        }
    }

    static RemoteTarget target(String host, Duration timeout) {
        return new RemoteTarget(host, 5986, RemoteTarget.Transport.HTTPS, RemoteTarget.Auth.NTLM, "auditor",
                () -> "pw".toCharArray(), Optional.empty(), Optional.empty(), false, timeout);
    }

    static List<RemoteTarget> targets(int n) {
        List<RemoteTarget> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(target(String.format("h%03d", i), Duration.ofSeconds(10)));
        }
        return list;
    }

    /** Records everything, in call order. */
    static final class Recorder implements FleetAudit.Listener {
        final List<String> finished = Collections.synchronizedList(new ArrayList<>());
        final List<String> retries = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger maxReportedInFlight = new AtomicInteger();
        FleetAudit.Progress last;

        @Override
        public void started(RemoteTarget target, FleetAudit.Progress progress) {
            started.incrementAndGet();
            maxReportedInFlight.accumulateAndGet(progress.inFlight(), Math::max);
        }

        @Override
        public void retrying(RemoteTarget target, int failedAttempt, Duration delay, String problem) {
            retries.add(target.host() + "#" + failedAttempt + ":" + problem);
        }

        @Override
        public void finished(RemoteTarget target, HostReport report, FleetAudit.Progress progress) {
            finished.add(target.host());
            last = progress;
        }
    }

    private static FleetAudit.Outcome run(FakeFleet fleet, FleetAudit.Settings settings, List<RemoteTarget> targets,
            FleetAudit.Listener listener) {
        return new FleetAudit(AUDIT, fleet, settings).run(targets, listener);
    }

    private static HostReport report(FleetAudit.Outcome outcome, String host) {
        return outcome.hosts().stream().filter(h -> h.host().equals(host)).findFirst().orElseThrow();
    }

    @Test
    void never_more_hosts_in_flight_than_the_concurrency_and_the_bound_is_actually_used() {
        FakeFleet fleet = new FakeFleet();
        fleet.fallback = (host, attempt) -> {
            Thread.sleep(15);
            return ready(host);
        };
        Recorder rec = new Recorder();
        FleetAudit.Outcome outcome = run(fleet, FAST.withConcurrency(5), targets(60), rec);

        assertThat(fleet.maxInFlight.get()).isEqualTo(5);
        assertThat(rec.maxReportedInFlight.get()).isLessThanOrEqualTo(5);
        assertThat(outcome.count(Verdict.READY)).isEqualTo(60);
        assertThat(outcome.cancelled()).isFalse();
        assertThat(rec.last).isEqualTo(new FleetAudit.Progress(60, 60, 60, 0));
    }

    @Test
    void a_host_past_its_deadline_is_interrupted_and_reported_unknown_while_the_others_finish() {
        FakeFleet fleet = new FakeFleet().on("stuck", (host, attempt) -> {
            Thread.sleep(20_000);
            return ready(host);
        });
        List<RemoteTarget> list = new ArrayList<>(targets(3));
        list.add(1, target("stuck", Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        FleetAudit.Outcome outcome = run(fleet, FAST, list, new Recorder());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        HostReport stuck = report(outcome, "stuck");
        assertThat(stuck.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(stuck.error()).contains("no answer within 300 ms");
        assertThat(fleet.attempts("stuck")).as("the deadline covers every attempt: no retry after it").isEqualTo(1);
        assertThat(ms).isLessThan(5_000);
        assertThat(outcome.count(Verdict.READY)).isEqualTo(3);
        assertThat(outcome.unreachable()).isEqualTo(1);
    }

    @Test
    void the_deadline_message_uses_seconds_when_whole() {
        assertThat(HostDeadlines.noAnswer(Duration.ofSeconds(60))).isEqualTo("no answer within 60 s");
    }

    @Test
    void transient_failures_are_retried_up_to_the_limit_then_reported_with_the_cause() {
        FakeFleet fleet = new FakeFleet().on("down", (host, attempt) -> {
            throw new RemoteFailure(host, "connection refused (is WinRM listening on 5986?)", true);
        });
        Recorder rec = new Recorder();
        FleetAudit.Outcome outcome = run(fleet, FAST.withRetries(2), List.of(target("down", Duration.ofSeconds(10))),
                rec);

        assertThat(fleet.attempts("down")).isEqualTo(3);
        assertThat(rec.retries).containsExactly("down#1:connection refused (is WinRM listening on 5986?)",
                "down#2:connection refused (is WinRM listening on 5986?)");
        HostReport down = report(outcome, "down");
        assertThat(down.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(down.error()).contains("connection refused (is WinRM listening on 5986?) (3 attempts)");
        assertThat(down.source()).isEqualTo("fake WinRM down:5986");
    }

    @Test
    void a_transient_failure_then_success_is_a_normal_result() {
        FakeFleet fleet = new FakeFleet().on("flaky", (host, attempt) -> {
            if (attempt < 3) {
                throw new RemoteFailure(host, "connection reset", true);
            }
            return notReady(host);
        });
        FleetAudit.Outcome outcome = run(fleet, FAST.withRetries(2), List.of(target("flaky", Duration.ofSeconds(10))),
                new Recorder());
        assertThat(fleet.attempts("flaky")).isEqualTo(3);
        assertThat(report(outcome, "flaky").verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(report(outcome, "flaky").error()).isEmpty();
    }

    @Test
    void zero_retries_means_one_attempt() {
        FakeFleet fleet = new FakeFleet().on("flaky", (host, attempt) -> {
            throw new RemoteFailure(host, "connection reset", true);
        });
        run(fleet, FAST.withRetries(0), List.of(target("flaky", Duration.ofSeconds(10))), new Recorder());
        assertThat(fleet.attempts("flaky")).isEqualTo(1);
    }

    @Test
    void permanent_failures_are_not_retried() {
        FakeFleet fleet = new FakeFleet().on("locked", (host, attempt) -> {
            throw new RemoteFailure(host, "401: the user name or password is wrong", false);
        });
        Recorder rec = new Recorder();
        FleetAudit.Outcome outcome = run(fleet, FAST.withRetries(5), List.of(target("locked", Duration.ofSeconds(10))),
                rec);
        assertThat(fleet.attempts("locked")).isEqualTo(1);
        assertThat(rec.retries).isEmpty();
        assertThat(report(outcome, "locked").error()).contains("401: the user name or password is wrong");
    }

    @Test
    void adapter_bugs_and_evidence_errors_cost_one_host_not_the_run() {
        FakeFleet fleet = new FakeFleet()
                .on("h000", (host, attempt) -> {
                    throw new IllegalStateException("boom");
                })
                .on("h001", (host, attempt) -> {
                    throw new io.tlsready.domain.port.EvidenceException(host, "WMI class StdRegProv not found");
                });
        FleetAudit.Outcome outcome = run(fleet, FAST, targets(3), new Recorder());
        assertThat(report(outcome, "h000").error().orElseThrow()).contains("unexpected error").contains("boom");
        assertThat(report(outcome, "h001").error()).contains("WMI class StdRegProv not found");
        assertThat(fleet.attempts("h001")).isEqualTo(1);
        assertThat(report(outcome, "h002").verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void results_stream_in_completion_order_and_the_outcome_keeps_input_order() {
        FakeFleet fleet = new FakeFleet();
        fleet.fallback = (host, attempt) -> {
            Thread.sleep(host.equals("h000") ? 400 : host.equals("h001") ? 200 : 0);
            return ready(host);
        };
        Recorder rec = new Recorder();
        FleetAudit.Outcome outcome = run(fleet, FAST.withConcurrency(3), targets(3), rec);
        assertThat(rec.finished).containsExactly("h002", "h001", "h000");
        assertThat(outcome.hosts()).extracting(HostReport::host).containsExactly("h000", "h001", "h002");
    }

    @Test
    void without_kept_reports_only_the_counts_remain() {
        FakeFleet fleet = new FakeFleet().on("h001", (host, attempt) -> notReady(host));
        Recorder rec = new Recorder();
        FleetAudit.Outcome outcome = run(fleet, FAST.withKeepReports(false), targets(4), rec);
        assertThat(outcome.hosts()).isEmpty();
        assertThat(outcome.verdicts()).containsEntry(Verdict.READY, 3).containsEntry(Verdict.NOT_READY, 1);
        assertThat(rec.finished).hasSize(4);
    }

    @Test
    void interrupting_the_caller_cancels_hosts_in_flight_and_skips_the_rest() throws Exception {
        FakeFleet fleet = new FakeFleet();
        CountDownLatch busy = new CountDownLatch(4);
        fleet.fallback = (host, attempt) -> {
            busy.countDown();
            Thread.sleep(20_000);
            return ready(host);
        };
        Recorder rec = new Recorder();
        AtomicReference<FleetAudit.Outcome> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(run(fleet, FAST.withConcurrency(4), targets(100), rec)));
        caller.start();
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(5_000);

        assertThat(caller.isAlive()).isFalse();
        FleetAudit.Outcome outcome = result.get();
        assertThat(outcome.cancelled()).isTrue();
        assertThat(outcome.done()).isZero();
        assertThat(rec.finished).as("cancelled hosts are not reported: a resumed run does them").isEmpty();
        assertThat(rec.started.get()).isEqualTo(4);
        assertThat(fleet.inFlight.get()).isZero();
    }

    @Test
    void a_failing_listener_stops_the_run_and_its_error_surfaces() {
        FakeFleet fleet = new FakeFleet();
        FleetAudit.Listener broken = (target, report, progress) -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
        };
        assertThatThrownBy(() -> run(fleet, FAST.withConcurrency(2), targets(50), broken))
                .hasMessageContaining("No space left on device");
    }

    @Test
    void backoff_doubles_with_jitter_and_is_capped() {
        RetryPolicy retry = RetryPolicy.of(FleetAudit.Settings.defaults()
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000)));
        for (int i = 0; i < 50; i++) {
            assertThat(retry.backoff(1).toMillis()).isBetween(50L, 100L);
            assertThat(retry.backoff(2).toMillis()).isBetween(100L, 200L);
            assertThat(retry.backoff(3).toMillis()).isBetween(200L, 400L);
            assertThat(retry.backoff(9).toMillis()).isBetween(500L, 1000L);
        }
    }

    @Test
    void only_transient_failures_are_retried_and_only_up_to_the_limit() {
        RetryPolicy retry = RetryPolicy.of(FleetAudit.Settings.defaults().withRetries(2));
        RemoteFailure reset = new RemoteFailure("h", "connection reset", true);
        RemoteFailure refused = new RemoteFailure("h", "401", false);
        assertThat(retry.retries(reset, 1)).isTrue();
        assertThat(retry.retries(reset, 2)).isTrue();
        assertThat(retry.retries(reset, 3)).isFalse();
        assertThat(retry.retries(refused, 1)).isFalse();
    }

    @Test
    void a_retry_that_would_end_past_the_deadline_is_not_tried() {
        FakeFleet fleet = new FakeFleet().on("slow-to-fail", (host, attempt) -> {
            throw new RemoteFailure(host, "connection reset", true);
        });
        FleetAudit.Settings longBackoff = FleetAudit.Settings.defaults().withRetries(5)
                .withBackoff(Duration.ofSeconds(20), Duration.ofSeconds(20));
        Recorder rec = new Recorder();
        FleetAudit.Outcome outcome = run(fleet, longBackoff, List.of(target("slow-to-fail", Duration.ofSeconds(2))),
                rec);
        assertThat(fleet.attempts("slow-to-fail")).isEqualTo(1);
        assertThat(rec.retries).isEmpty();
        assertThat(report(outcome, "slow-to-fail").error())
                .contains("connection reset (1 attempt; no time left to retry within 2 s)");
    }

    @Test
    void settings_are_validated() {
        assertThatThrownBy(() -> FleetAudit.Settings.defaults().withConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleetAudit.Settings.defaults().withRetries(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_empty_fleet_is_an_empty_outcome() {
        FleetAudit.Outcome outcome = run(new FakeFleet(), FAST, List.of(), new Recorder());
        assertThat(outcome.done()).isZero();
        assertThat(outcome.cancelled()).isFalse();
    }
}
