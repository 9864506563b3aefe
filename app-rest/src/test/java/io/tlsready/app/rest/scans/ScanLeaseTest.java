package io.tlsready.app.rest.scans;

import static io.tlsready.app.rest.scans.ScanFixtures.await;
import static io.tlsready.app.rest.scans.ScanFixtures.host;
import static io.tlsready.app.rest.scans.ScanFixtures.hostsBody;
import static io.tlsready.app.rest.scans.ScanFixtures.json;
import static io.tlsready.app.rest.scans.ScanFixtures.notReady;
import static io.tlsready.app.rest.scans.ScanFixtures.post;
import static io.tlsready.app.rest.scans.ScanFixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.scan.LeasedTarget;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanRequest;
import io.tlsready.domain.scan.ScanTarget;
import io.tlsready.domain.testing.InMemoryStore;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans shared through leases (issue 11 item 8) with the in-memory store standing in for the shared database: a
 * dead instance's hosts go to a live one once its leases expire, a stopped instance hands its hosts over at once,
 * and whatever happens every host is recorded exactly once.
 */
@Timeout(300) // a guard against a hang only
class ScanLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    private static List<HostSpec> fleet(int subnet, int count) {
        List<HostSpec> specs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            specs.add(host(subnet, i, i % 3 == 0 ? notReady() : ready()).withLatency(Duration.ofMillis(20)));
        }
        return specs;
    }

    private static List<String> recorded(InMemoryStore store, String scanId) {
        return store.reports(scanId).stream().map(StoredReport::host).toList();
    }

    @Test
    void a_dead_instances_hosts_go_to_another_after_its_leases_expire_and_each_is_recorded_once() throws Exception {
        InMemoryStore store = new InMemoryStore();
        try (SimulatedFleet fleet = SimulatedFleet.start(fleet(77, 8))) {
            List<ScanTarget> targets = fleet.endpoints().stream().map(e -> new ScanTarget(e.address(), e.address(),
                    OptionalInt.of(e.port()), Optional.empty(), Optional.empty(), Optional.empty())).toList();
            Scan scan = store.create(new ScanRequest(targets, "sim", "test"), Instant.now());
            // an instance took three hosts and died: nobody renews or gives back its leases
            List<LeasedTarget> dead = store.lease("dead-instance", 3, Instant.now(), LEASE);
            assertThat(dead).hasSize(3);

            try (TlsReadyServer live = ScanFixtures.server(store, ScanFixtures.credentials(tmp), LEASE)) {
                URI base = live.start();
                var done = await(base, "/api/v1/scans/" + scan.id(), s -> s.path("state").asText().equals("finished"));
                assertThat(done.path("done").asInt()).isEqualTo(8);
                assertThat(done.path("verdicts").path("NOT_READY").asInt()).isEqualTo(2);
            }
            assertThat(recorded(store, scan.id())).containsExactlyElementsOf(targets.stream().map(ScanTarget::name)
                    .toList());
            // the dead instance's late result is refused: the host is not recorded twice
            assertThat(store.complete(dead.get(0), AuditService.failed(dead.get(0).target().name(), "late",
                    "late"), Instant.now())).isEmpty();
            assertThat(recorded(store, scan.id())).hasSize(8);
        }
    }

    @Test
    void two_instances_share_one_store_and_a_stopped_one_hands_its_hosts_to_the_other() throws Exception {
        InMemoryStore store = new InMemoryStore();
        Path credentials = ScanFixtures.credentials(tmp);
        try (SimulatedFleet fleet = SimulatedFleet.start(fleet(78, 20));
                TlsReadyServer a = ScanFixtures.server(store, credentials, LEASE);
                TlsReadyServer b = ScanFixtures.server(store, credentials, LEASE)) {
            URI baseA = a.start();
            URI baseB = b.start();
            List<String> hosts = fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
            HttpResponse<String> created = post(baseA, "/api/v1/scans", "application/json", hostsBody(hosts));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            String location = created.headers().firstValue("Location").orElseThrow();
            await(baseB, location, s -> s.path("done").asInt() >= 1);
            a.stop(); // its hosts in flight are interrupted and given back, not left to expire
            var done = await(baseB, location, s -> s.path("state").asText().equals("finished"));
            assertThat(done.path("done").asInt()).isEqualTo(20);
            String id = json(created).path("id").asText();
            assertThat(recorded(store, id)).hasSize(20).doesNotHaveDuplicates()
                    .containsExactlyElementsOf(fleet.endpoints().stream().map(SimulatedFleet.Endpoint::address)
                            .toList());
        }
    }
}
