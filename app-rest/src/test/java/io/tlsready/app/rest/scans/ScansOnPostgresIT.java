package io.tlsready.app.rest.scans;

import static io.tlsready.app.rest.scans.ScanFixtures.await;
import static io.tlsready.app.rest.scans.ScanFixtures.host;
import static io.tlsready.app.rest.scans.ScanFixtures.hostsBody;
import static io.tlsready.app.rest.scans.ScanFixtures.json;
import static io.tlsready.app.rest.scans.ScanFixtures.notReady;
import static io.tlsready.app.rest.scans.ScanFixtures.post;
import static io.tlsready.app.rest.scans.ScanFixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import io.tlsready.adapters.storage.StorageModule;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import io.tlsready.testing.PostgresCluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 8, for real: two service instances on one PostgreSQL (a throwaway cluster), one of them a JVM of its
 * own killed with SIGKILL in the middle of a 40-host scan of simulated hosts. The other takes the dead one's hosts
 * once their leases expire, the scan finishes, and every host is in the scan's reports exactly once.
 */
@Timeout(600) // a guard against a hang only
class ScansOnPostgresIT {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final int HOSTS = 40;

    @TempDir
    Path tmp;

    @Test
    void a_scan_survives_an_instance_killed_mid_scan_and_records_every_host_once() throws Exception {
        Path credentials = ScanFixtures.credentials(tmp);
        List<HostSpec> specs = new ArrayList<>();
        for (int i = 1; i <= HOSTS; i++) {
            // answers from 30 to 420 ms a request, so hosts finish one after another, not in one wave
            specs.add(host(79, i, i % 4 == 0 ? notReady() : ready()).withLatency(Duration.ofMillis(20 + 10L * i)));
        }
        try (PostgresCluster pg = PostgresCluster.start(); SimulatedFleet fleet = SimulatedFleet.start(specs)) {
            try (StorageModule tokens = StorageModule.postgres(pg.jdbcUrl())) {
                ScanFixtures.issueToken(Guice.createInjector(tokens).getInstance(AccessTokens.class));
            }
            Process doomed = startInstance(pg.jdbcUrl(), credentials);
            String id;
            try {
                URI doomedApi = URI.create(awaitListening(doomed));
                List<String> hosts = fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
                HttpResponse<String> created = post(doomedApi, "/api/v1/scans", "application/json", hostsBody(hosts));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
                id = json(created).path("id").asText();
                await(doomedApi, "/api/v1/scans/" + id, s -> s.path("done").asInt() >= 1);
                int held = Integer.parseInt(pg.psql("SELECT count(*) FROM scan_targets WHERE owner IS NOT NULL"
                        + " AND report_id IS NULL").strip());
                assertThat(held).as("hosts the doomed instance holds when killed").isPositive();
            } finally {
                doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
                doomed.waitFor();
            }
            int doneWhenKilled;
            try (StorageModule storage = StorageModule.postgres(pg.jdbcUrl());
                    StorageModule reader = StorageModule.postgres(pg.jdbcUrl());
                    TlsReadyServer survivor = TlsReadyServer.builder().port(0).storage(storage)
                            .credentials(CredentialProfiles.load(credentials)).scanLease(LEASE).build()) {
                ScanQueue queue = Guice.createInjector(reader).getInstance(ScanQueue.class);
                doneWhenKilled = queue.scan(id).orElseThrow().done();
                assertThat(doneWhenKilled).isLessThan(HOSTS);
                URI api = survivor.start();
                JsonNode done = await(api, "/api/v1/scans/" + id, s -> s.path("state").asText().equals("finished"));
                assertThat(done.path("done").asInt()).isEqualTo(HOSTS);
                assertThat(done.path("verdicts").path("NOT_READY").asInt()).isEqualTo(HOSTS / 4);
                assertThat(done.path("verdicts").path("READY").asInt()).isEqualTo(HOSTS - HOSTS / 4);
                List<String> recorded = queue.reports(id).stream().map(StoredReport::host).toList();
                assertThat(recorded).hasSize(HOSTS).doesNotHaveDuplicates()
                        .containsExactlyElementsOf(fleet.endpoints().stream().map(SimulatedFleet.Endpoint::address)
                                .toList());
            }
        }
    }

    private Process startInstance(String jdbcUrl, Path credentials) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ScanInstanceMain.class.getName(), jdbcUrl, credentials.toString(), Long.toString(LEASE.toMillis()));
        return new ProcessBuilder(command).redirectError(tmp.resolve("instance.err").toFile()).start();
    }

    /** The URI the instance prints once it serves (its stderr is in instance.err). */
    private static String awaitListening(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("listening ")) {
                return line.substring("listening ".length());
            }
        }
        throw new IllegalStateException("the instance stopped before it listened (exit " + p.waitFor() + ")");
    }
}
