package io.tlsready.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.scan.LeasedTarget;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanRequest;
import io.tlsready.domain.scan.ScanState;
import io.tlsready.domain.scan.ScanTarget;
import io.tlsready.domain.testing.Hosts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link ScanQueue} must do, alone and with several owners racing. */
public abstract class ScanQueueContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000000123Z");
    protected static final Duration LEASE = Duration.ofMinutes(2);
    private static final AuditService AUDIT = new AuditService(RuleBook.standard());

    protected abstract ScanQueue queue();

    /** The same store's history (where completed targets' reports go). */
    protected abstract ReportHistory history();

    /** Closes the store and opens it again over the same data; in memory, the same store. */
    protected abstract ScanQueue reopened();

    protected static ScanRequest request(String... hosts) {
        List<ScanTarget> targets = new ArrayList<>();
        for (String h : hosts) {
            targets.add(ScanTarget.named(h));
        }
        return new ScanRequest(targets, "lab", "alice");
    }

    protected static HostReport reportOf(LeasedTarget t) {
        return AUDIT.evaluate(Hosts.ready("2019").named(t.target().name()).build());
    }

    private static HostReport notReadyOf(LeasedTarget t) {
        return AUDIT.evaluate(Hosts.windows("2008R2").named(t.target().name()).x64().coverAll().updates().build());
    }

    @Test
    void a_new_scan_is_running_with_nothing_done_and_lists_newest_first() {
        Scan first = queue().create(request("srv1", "srv2"), T0);
        Scan second = queue().create(request("srv3"), T0.plusSeconds(1));

        assertThat(first.state()).isEqualTo(ScanState.RUNNING);
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.done()).isZero();
        assertThat(first.finishedAt()).isEmpty();
        assertThat(first.profile()).isEqualTo("lab");
        assertThat(first.requestedBy()).isEqualTo("alice");
        assertThat(queue().scan(first.id())).contains(first);
        assertThat(queue().scan("no-such-scan")).isEmpty();
        assertThat(queue().scans(0, 10)).containsExactly(second, first);
        assertThat(queue().scans(1, 10)).containsExactly(first);
        assertThat(queue().scans(0, 1)).containsExactly(second);
    }

    @Test
    void targets_are_leased_oldest_scan_first_in_target_order_and_keep_their_settings() {
        ScanTarget detailed = new ScanTarget("db1", "10.0.0.7", OptionalInt.of(5986), Optional.of("https"),
                Optional.of("ntlm"), Optional.of("CORP\\svc"));
        Scan a = queue().create(new ScanRequest(List.of(ScanTarget.named("srv1"), detailed), "lab", "alice"), T0);
        Scan b = queue().create(request("srv9"), T0);

        List<LeasedTarget> leased = queue().lease("node-a", 2, T0, LEASE);
        List<LeasedTarget> rest = queue().lease("node-b", 10, T0, LEASE);

        assertThat(leased).extracting(LeasedTarget::scanId).containsExactly(a.id(), a.id());
        assertThat(leased).extracting(LeasedTarget::seq).containsExactly(0, 1);
        assertThat(leased.get(1).target()).isEqualTo(detailed);
        assertThat(leased.get(1).profile()).isEqualTo("lab");
        assertThat(leased).allMatch(l -> l.owner().equals("node-a") && l.leasedUntil().equals(T0.plus(LEASE)));
        assertThat(rest).extracting(LeasedTarget::scanId).containsExactly(b.id());
        assertThat(queue().lease("node-c", 10, T0.plusSeconds(1), LEASE)).isEmpty();
    }

    @Test
    void completing_stores_the_report_in_the_history_counts_it_and_finishes_on_the_last_target() {
        Scan scan = queue().create(request("srv1", "srv2", "srv3"), T0);
        List<LeasedTarget> leased = queue().lease("node-a", 3, T0, LEASE);

        StoredReport third = queue().complete(leased.get(2), notReadyOf(leased.get(2)), T0.plusSeconds(3)).orElseThrow();
        queue().complete(leased.get(0), reportOf(leased.get(0)), T0.plusSeconds(4)).orElseThrow();
        Scan midway = queue().scan(scan.id()).orElseThrow();
        StoredReport second = queue().complete(leased.get(1), AuditService.failed("srv2", "winrm", "refused"),
                T0.plusSeconds(5)).orElseThrow();

        assertThat(third.scanId()).contains(scan.id());
        assertThat(history().report(third.id())).contains(third);
        assertThat(history().history("SRV2", 5)).containsExactly(second);
        assertThat(midway.state()).isEqualTo(ScanState.RUNNING);
        assertThat(midway.done()).isEqualTo(2);
        Scan done = queue().scan(scan.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(ScanState.FINISHED);
        assertThat(done.finishedAt()).contains(T0.plusSeconds(5));
        assertThat(done.count(Verdict.READY)).isEqualTo(1);
        assertThat(done.count(Verdict.NOT_READY)).isEqualTo(1);
        assertThat(done.count(Verdict.UNKNOWN)).isEqualTo(1);
        assertThat(done.unreachable()).isEqualTo(1);
        assertThat(queue().reports(scan.id())).extracting(StoredReport::host).containsExactly("srv1", "srv2", "srv3");
        assertThat(queue().complete(leased.get(0), reportOf(leased.get(0)), T0.plusSeconds(9))).isEmpty();
        assertThat(queue().reports(scan.id())).hasSize(3);
    }

    @Test
    void an_expired_lease_goes_to_another_owner_and_the_late_result_is_refused() {
        Scan scan = queue().create(request("srv1"), T0);
        LeasedTarget first = queue().lease("node-a", 1, T0, LEASE).get(0);

        assertThat(queue().lease("node-b", 1, T0.plus(LEASE).minusNanos(1), LEASE)).isEmpty();
        LeasedTarget second = queue().lease("node-b", 1, T0.plus(LEASE).plusNanos(1), LEASE).get(0);

        assertThat(second.targetId()).isEqualTo(first.targetId());
        assertThat(queue().renew("node-a", List.of(first), T0.plusSeconds(600))).isEmpty();
        assertThat(queue().complete(first, reportOf(first), T0.plusSeconds(200))).isEmpty();
        assertThat(queue().complete(second, reportOf(second), T0.plusSeconds(201))).isPresent();
        assertThat(queue().reports(scan.id())).hasSize(1);
        assertThat(history().history("srv1", 10)).hasSize(1);
    }

    @Test
    void an_expired_lease_nobody_took_still_counts() {
        queue().create(request("srv1"), T0);
        LeasedTarget lease = queue().lease("node-a", 1, T0, LEASE).get(0);

        assertThat(queue().complete(lease, reportOf(lease), T0.plus(LEASE).plusSeconds(30))).isPresent();
    }

    @Test
    void renewing_keeps_a_target_from_other_owners() {
        queue().create(request("srv1", "srv2"), T0);
        List<LeasedTarget> held = queue().lease("node-a", 2, T0, LEASE);

        List<LeasedTarget> renewed = queue().renew("node-a", held, T0.plusSeconds(600));

        assertThat(renewed).hasSize(2).allMatch(l -> l.leasedUntil().equals(T0.plusSeconds(600)));
        assertThat(queue().lease("node-b", 5, T0.plusSeconds(300), LEASE)).isEmpty();
        assertThat(queue().renew("node-b", held, T0.plusSeconds(900))).isEmpty();
    }

    @Test
    void a_released_target_goes_to_the_next_owner_at_once() {
        queue().create(request("srv1"), T0);
        LeasedTarget lease = queue().lease("node-a", 1, T0, LEASE).get(0);

        queue().release(lease);

        LeasedTarget again = queue().lease("node-b", 1, T0, LEASE).get(0);
        assertThat(again.targetId()).isEqualTo(lease.targetId());
        assertThat(again.owner()).isEqualTo("node-b");
        queue().release(lease); // not node-a's any more: nothing happens
        assertThat(queue().lease("node-c", 1, T0, LEASE)).isEmpty();
    }

    @Test
    void a_cancelled_scan_grants_no_leases_and_drops_results_in_flight() {
        Scan scan = queue().create(request("srv1", "srv2"), T0);
        LeasedTarget lease = queue().lease("node-a", 1, T0, LEASE).get(0);

        Scan cancelled = queue().cancel(scan.id(), T0.plusSeconds(5)).orElseThrow();

        assertThat(cancelled.state()).isEqualTo(ScanState.CANCELLED);
        assertThat(cancelled.finishedAt()).contains(T0.plusSeconds(5));
        assertThat(queue().lease("node-b", 5, T0.plusSeconds(6), LEASE)).isEmpty();
        assertThat(queue().complete(lease, reportOf(lease), T0.plusSeconds(7))).isEmpty();
        assertThat(queue().renew("node-a", List.of(lease), T0.plusSeconds(600))).isEmpty();
        assertThat(queue().scan(scan.id())).contains(cancelled);
        assertThat(queue().cancel(scan.id(), T0.plusSeconds(99))).contains(cancelled);
        assertThat(queue().cancel("no-such-scan", T0)).isEmpty();
    }

    @Test
    void running_counts_the_scans_neither_finished_nor_cancelled() {
        assertThat(queue().running()).isZero();
        Scan finishing = queue().create(request("srv1"), T0);
        Scan cancelled = queue().create(request("srv2"), T0);
        queue().create(request("srv3", "srv4"), T0);
        assertThat(queue().running()).isEqualTo(3);

        LeasedTarget lease = queue().lease("node-a", 1, T0, LEASE).get(0);
        assertThat(lease.scanId()).isEqualTo(finishing.id());
        queue().complete(lease, reportOf(lease), T0.plusSeconds(1));
        queue().cancel(cancelled.id(), T0.plusSeconds(2));

        assertThat(queue().running()).isEqualTo(1);
    }

    @Test
    void cancelling_a_finished_scan_leaves_it_finished() {
        Scan scan = queue().create(request("srv1"), T0);
        LeasedTarget lease = queue().lease("node-a", 1, T0, LEASE).get(0);
        queue().complete(lease, reportOf(lease), T0.plusSeconds(1));

        Scan after = queue().cancel(scan.id(), T0.plusSeconds(2)).orElseThrow();

        assertThat(after.state()).isEqualTo(ScanState.FINISHED);
        assertThat(after.finishedAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void owners_racing_for_leases_each_get_different_targets_and_every_target_once() throws Exception {
        int hosts = 60;
        queue().create(request(IntStream.range(0, hosts).mapToObj(i -> "srv" + i).toArray(String[]::new)), T0);
        List<Callable<List<LeasedTarget>>> owners = new ArrayList<>();
        for (int o = 0; o < 6; o++) {
            String owner = "node-" + o;
            owners.add(() -> {
                List<LeasedTarget> mine = new ArrayList<>();
                for (List<LeasedTarget> got = queue().lease(owner, 3, T0, LEASE); !got.isEmpty();
                        got = queue().lease(owner, 3, T0, LEASE)) {
                    mine.addAll(got);
                }
                return mine;
            });
        }
        List<LeasedTarget> all = new ArrayList<>();
        for (List<LeasedTarget> mine : runAll(owners)) {
            all.addAll(mine);
        }

        assertThat(all).hasSize(hosts);
        assertThat(new HashSet<>(all.stream().map(LeasedTarget::targetId).toList())).hasSize(hosts);
    }

    @Test
    void owners_completing_at_once_leave_consistent_counts_and_one_finish() throws Exception {
        int hosts = 40;
        Scan scan = queue().create(request(IntStream.range(0, hosts).mapToObj(i -> "srv" + i).toArray(String[]::new)),
                T0);
        List<Callable<Integer>> owners = new ArrayList<>();
        for (int o = 0; o < 5; o++) {
            String owner = "node-" + o;
            owners.add(() -> {
                int recorded = 0;
                for (List<LeasedTarget> got = queue().lease(owner, 2, T0, LEASE); !got.isEmpty();
                        got = queue().lease(owner, 2, T0, LEASE)) {
                    for (LeasedTarget t : got) {
                        HostReport r = t.seq() % 3 == 0 ? notReadyOf(t) : reportOf(t);
                        recorded += queue().complete(t, r, T0.plusSeconds(t.seq())).isPresent() ? 1 : 0;
                    }
                }
                return recorded;
            });
        }
        int recorded = runAll(owners).stream().mapToInt(Integer::intValue).sum();

        Scan done = queue().scan(scan.id()).orElseThrow();
        assertThat(recorded).isEqualTo(hosts);
        assertThat(done.state()).isEqualTo(ScanState.FINISHED);
        assertThat(done.done()).isEqualTo(hosts);
        assertThat(done.count(Verdict.NOT_READY)).isEqualTo(14);
        assertThat(done.count(Verdict.READY)).isEqualTo(26);
        assertThat(queue().reports(scan.id())).extracting(StoredReport::host)
                .containsExactlyElementsOf(IntStream.range(0, hosts).mapToObj(i -> "srv" + i).toList());
    }

    @Test
    void scans_and_leases_survive_closing_and_reopening_the_store() {
        Scan scan = queue().create(request("srv1", "srv2"), T0);
        LeasedTarget lease = queue().lease("node-a", 1, T0, LEASE).get(0);
        StoredReport stored = queue().complete(lease, reportOf(lease), T0.plusSeconds(1)).orElseThrow();
        LeasedTarget held = queue().lease("node-a", 1, T0, LEASE).get(0);

        ScanQueue again = reopened();

        assertThat(again.scan(scan.id()).orElseThrow().done()).isEqualTo(1);
        assertThat(again.reports(scan.id())).containsExactly(stored);
        assertThat(again.lease("node-b", 5, T0.plusSeconds(2), LEASE)).isEmpty();
        assertThat(again.complete(held, reportOf(held), T0.plusSeconds(3))).isPresent();
        assertThat(again.scan(scan.id()).orElseThrow().state()).isEqualTo(ScanState.FINISHED);
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = Collections.synchronizedList(new ArrayList<>());
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
