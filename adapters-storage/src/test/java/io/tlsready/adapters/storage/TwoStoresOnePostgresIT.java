package io.tlsready.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.scan.LeasedTarget;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanRequest;
import io.tlsready.domain.scan.ScanState;
import io.tlsready.domain.scan.ScanTarget;
import io.tlsready.domain.testing.Hosts;
import io.tlsready.testing.PostgresCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two stores with their own connection pools on one PostgreSQL database, as two service instances are: they share a
 * scan, one of them abandons its leases midway (an instance killed), and the other finishes every host exactly once.
 */
class TwoStoresOnePostgresIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final AuditService AUDIT = new AuditService(RuleBook.standard());

    @Test
    void two_instances_share_a_scan_and_a_dead_ones_targets_go_to_the_other_once() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start();
                Stores a = new Stores(() -> StorageModule.postgres(pg.jdbcUrl()));
                Stores b = new Stores(() -> StorageModule.postgres(pg.jdbcUrl()))) {
            ScanQueue qa = a.get(ScanQueue.class);
            ScanQueue qb = b.get(ScanQueue.class);
            int hosts = 50;
            Scan scan = qa.create(new ScanRequest(IntStream.range(0, hosts).mapToObj(i -> ScanTarget.named("srv" + i))
                    .toList(), "lab", "alice"), T0);

            // the instance that dies: takes a few targets, completes one, and never comes back
            List<LeasedTarget> dying = qb.lease("node-b", 5, T0, LEASE);
            assertThat(qb.complete(dying.get(0), report(dying.get(0)), T0)).isPresent();

            // both work at once: node-a from its pool, node-c from the other's
            List<Callable<Integer>> workers = List.of(worker(qa, "node-a", T0), worker(qb, "node-c", T0));
            int beforeExpiry = run(workers);
            assertThat(qa.scan(scan.id()).orElseThrow().state()).isEqualTo(ScanState.RUNNING);

            // after the lease expires, the dead instance's four targets go to the living
            Instant later = T0.plus(LEASE).plusSeconds(1);
            int afterExpiry = run(List.of(worker(qa, "node-a", later), worker(qb, "node-c", later)));
            for (LeasedTarget late : dying.subList(1, dying.size())) {
                assertThat(qb.complete(late, report(late), later)).isEmpty();
            }

            Scan done = qa.scan(scan.id()).orElseThrow();
            assertThat(1 + beforeExpiry + afterExpiry).isEqualTo(hosts);
            assertThat(afterExpiry).isEqualTo(4);
            assertThat(done.state()).isEqualTo(ScanState.FINISHED);
            assertThat(done.done()).isEqualTo(hosts);
            assertThat(qb.reports(scan.id())).extracting(StoredReport::host)
                    .containsExactlyElementsOf(IntStream.range(0, hosts).mapToObj(i -> "srv" + i).toList());
        }
    }

    private static Callable<Integer> worker(ScanQueue q, String owner, Instant now) {
        return () -> {
            int recorded = 0;
            for (List<LeasedTarget> got = q.lease(owner, 2, now, LEASE); !got.isEmpty();
                    got = q.lease(owner, 2, now, LEASE)) {
                for (LeasedTarget t : got) {
                    recorded += q.complete(t, report(t), now).isPresent() ? 1 : 0;
                }
            }
            return recorded;
        };
    }

    private static HostReport report(LeasedTarget t) {
        return AUDIT.evaluate(Hosts.ready("2019").named(t.target().name()).build());
    }

    private static int run(List<Callable<Integer>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            int sum = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                sum += f.get();
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }
}
