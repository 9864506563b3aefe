package io.tlsready.app.rest.scans;

import static io.tlsready.app.rest.scans.ScanFixtures.await;
import static io.tlsready.app.rest.scans.ScanFixtures.delete;
import static io.tlsready.app.rest.scans.ScanFixtures.get;
import static io.tlsready.app.rest.scans.ScanFixtures.host;
import static io.tlsready.app.rest.scans.ScanFixtures.hostsBody;
import static io.tlsready.app.rest.scans.ScanFixtures.inventoryBody;
import static io.tlsready.app.rest.scans.ScanFixtures.json;
import static io.tlsready.app.rest.scans.ScanFixtures.notReady;
import static io.tlsready.app.rest.scans.ScanFixtures.post;
import static io.tlsready.app.rest.scans.ScanFixtures.ready;
import static io.tlsready.app.rest.scans.ScanFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.testing.InMemoryStore;
import io.tlsready.sim.FaultKind;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans end to end on one server: real HTTP on loopback, the real WinRM adapter against simulated hosts over real
 * TCP (NTLM with message encryption over http), the in-memory store standing in for the database.
 */
@Timeout(300) // a guard against a hang only
class ScanApiTest {

    private static final String JSON_TYPE = "application/json";

    @TempDir
    static Path tmp;

    private static final InMemoryStore STORE = new InMemoryStore();
    private static TlsReadyServer server;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        server = ScanFixtures.server(STORE, ScanFixtures.credentials(tmp), Duration.ofSeconds(3));
        base = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> hostPorts(SimulatedFleet fleet) {
        return fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
    }

    @Test
    void a_scan_of_simulated_hosts_runs_to_finished_with_the_right_verdict_counts_and_a_report_per_host()
            throws Exception {
        List<HostSpec> specs = List.of(host(71, 1, ready()), host(71, 2, notReady()), host(71, 3, ready()),
                refused(71, 4), host(71, 5, notReady()), host(71, 6, ready()));
        try (SimulatedFleet fleet = SimulatedFleet.start(specs)) {
            HttpResponse<String> created = post(base, "/api/v1/scans", JSON_TYPE, hostsBody(hostPorts(fleet)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            JsonNode scan = json(created);
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).isEqualTo("/api/v1/scans/" + scan.path("id").asText());
            assertThat(scan.path("state").asText()).isEqualTo("running");
            assertThat(scan.path("total").asInt()).isEqualTo(6);
            assertThat(scan.path("profile").asText()).isEqualTo("sim");
            assertThat(scan.path("finishedAt").isNull()).isTrue();

            JsonNode done = await(base, location, s -> s.path("state").asText().equals("finished"));
            assertThat(done.path("done").asInt()).isEqualTo(6);
            assertThat(done.path("verdicts").path("READY").asInt()).isEqualTo(3);
            assertThat(done.path("verdicts").path("NOT_READY").asInt()).isEqualTo(2);
            assertThat(done.path("verdicts").path("UNKNOWN").asInt()).isEqualTo(1);
            assertThat(done.path("unreachable").asInt()).isEqualTo(1);
            assertThat(done.path("finishedAt").asText()).isNotEmpty();

            List<StoredReport> reports = STORE.reports(scan.path("id").asText());
            assertThat(reports).extracting(StoredReport::host)
                    .containsExactly("127.0.71.1", "127.0.71.2", "127.0.71.3", "127.0.71.4", "127.0.71.5",
                            "127.0.71.6");
            assertThat(reports.get(3).report().error()).isPresent();
            assertThat(reports.get(1).report().verdict()).isEqualTo(Verdict.NOT_READY);
            assertThat(STORE.history("127.0.71.6", 10)).hasSize(1);
        }
    }

    @Test
    void an_ansible_inventory_text_is_scanned_with_its_host_variables() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(host(73, 1, ready()), host(73, 2, notReady())))) {
            String inventory = "[windows]\n"
                    + fleet.endpoints().stream().map(e -> e.address() + " ansible_port=" + e.port())
                            .collect(Collectors.joining("\n"))
                    + "\n\n[windows:vars]\nansible_connection=winrm\nansible_winrm_scheme=http\n"
                    + "ansible_winrm_transport=ntlm\nansible_user=" + ScanFixtures.USER + "\n";
            HttpResponse<String> created = post(base, "/api/v1/scans", JSON_TYPE, inventoryBody(inventory, "sim"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            JsonNode done = await(base, created.headers().firstValue("Location").orElseThrow(),
                    s -> s.path("state").asText().equals("finished"));
            assertThat(done.path("verdicts").path("READY").asInt()).isEqualTo(1);
            assertThat(done.path("verdicts").path("NOT_READY").asInt()).isEqualTo(1);
            assertThat(done.path("unreachable").asInt()).isZero();
        }
    }

    @Test
    void progress_is_visible_while_running_and_a_cancel_stops_the_scan() throws Exception {
        // two hosts never answer (held until the fleet closes): the quick ones finish, the scan keeps running
        List<HostSpec> specs = List.of(host(72, 1, ready()), host(72, 2, ready()).withFault(FaultKind.STALL),
                host(72, 3, notReady()), host(72, 4, ready()).withFault(FaultKind.STALL), host(72, 5, ready()));
        SimulatedFleet.Options options = SimulatedFleet.Options.defaults().withStallLimit(Duration.ofMinutes(10));
        try (SimulatedFleet fleet = SimulatedFleet.start(specs, options)) {
            HttpResponse<String> created = post(base, "/api/v1/scans", JSON_TYPE, hostsBody(hostPorts(fleet)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = json(created).path("id").asText();

            JsonNode running = await(base, location, s -> s.path("done").asInt() == 3);
            assertThat(running.path("state").asText()).isEqualTo("running");
            assertThat(running.path("total").asInt()).isEqualTo(5);
            assertThat(running.path("verdicts").path("READY").asInt()).isEqualTo(2);
            assertThat(running.path("verdicts").path("NOT_READY").asInt()).isEqualTo(1);
            assertThat(running.path("finishedAt").isNull()).isTrue();

            HttpResponse<String> cancelled = delete(base, location);
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            assertThat(json(cancelled).path("state").asText()).isEqualTo("cancelled");
            assertThat(json(cancelled).path("finishedAt").asText()).isNotEmpty();

            // another scan runs to the end meanwhile: the worker goes on, the cancelled scan stays as it was
            try (SimulatedFleet more = SimulatedFleet.start(List.of(host(74, 1, ready())))) {
                HttpResponse<String> next = post(base, "/api/v1/scans", JSON_TYPE, hostsBody(hostPorts(more)));
                await(base, next.headers().firstValue("Location").orElseThrow(),
                        s -> s.path("state").asText().equals("finished"));
            }
            JsonNode after = json(get(base, location));
            assertThat(after.path("state").asText()).isEqualTo("cancelled");
            assertThat(after.path("done").asInt()).isEqualTo(3);
            assertThat(STORE.reports(id)).hasSize(3);
            assertThat(delete(base, location).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_unknown_profile_is_422_naming_it_and_no_other() {
        HttpResponse<String> r = post(base, "/api/v1/scans", JSON_TYPE,
                "{\"hosts\": [\"srv1\"], \"profile\": \"nope<x>\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(r).path("detail").asText()).contains("'nope<x>'").doesNotContain("sim");
    }

    @Test
    void a_bad_inventory_is_422_naming_the_line() {
        HttpResponse<String> r = post(base, "/api/v1/scans", JSON_TYPE,
                inventoryBody("# fleet\nsrv1\nsrv2:99999\n", "sim"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).path("detail").asText()).startsWith("inventory:3: ").contains("1..65535");
    }

    @Test
    void a_host_list_entry_that_is_not_a_host_is_422_naming_its_index() {
        HttpResponse<String> r = post(base, "/api/v1/scans", JSON_TYPE, hostsBody(List.of("srv1", "bad host")));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).path("detail").asText()).startsWith("hosts[1]: ");
    }

    @Test
    void a_host_listed_twice_a_foreign_user_and_basic_over_http_are_422() {
        assertThat(post(base, "/api/v1/scans", JSON_TYPE, hostsBody(List.of("srv1", "SRV1:5985"))).statusCode())
                .isEqualTo(422);
        HttpResponse<String> foreign = post(base, "/api/v1/scans", JSON_TYPE,
                inventoryBody("host,user\nsrv1,administrator\n", "sim"));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(json(foreign).path("detail").asText()).contains("administrator").contains("own account");
        HttpResponse<String> basic = post(base, "/api/v1/scans", JSON_TYPE,
                inventoryBody("host,auth\nsrv1,basic\n", "sim"));
        assertThat(basic.statusCode()).isEqualTo(422);
        assertThat(json(basic).path("detail").asText()).contains("srv1").contains("clear text");
    }

    @Test
    void bodies_that_are_not_a_scan_request_are_400_and_other_media_types_415() {
        assertThat(post(base, "/api/v1/scans", JSON_TYPE, "{\"hosts\": [\"a\"]").statusCode()).isEqualTo(400);
        assertThat(post(base, "/api/v1/scans", JSON_TYPE, "[]").statusCode()).isEqualTo(400);
        assertThat(post(base, "/api/v1/scans", JSON_TYPE,
                "{\"hosts\": [\"a\"], \"inventory\": \"a\", \"profile\": \"sim\"}").statusCode()).isEqualTo(400);
        assertThat(post(base, "/api/v1/scans", JSON_TYPE, "{\"hosts\": [\"a\"]}").statusCode()).isEqualTo(400);
        assertThat(post(base, "/api/v1/scans", JSON_TYPE,
                "{\"hosts\": [\"a\"], \"profile\": \"sim\", \"profile\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(post(base, "/api/v1/scans", JSON_TYPE, "{\"hosts\": [], \"profile\": \"sim\"}").statusCode())
                .isEqualTo(400);
        assertThat(post(base, "/api/v1/scans", "text/plain", hostsBody(List.of("a"))).statusCode()).isEqualTo(415);
    }

    @Test
    void an_unknown_scan_is_404_and_a_finished_one_cannot_be_cancelled() throws Exception {
        HttpResponse<String> unknown = get(base, "/api/v1/scans/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("instance").asText()).isEqualTo("/api/v1/scans/00000000-0000-0000-0000-000000000000");
        assertThat(delete(base, "/api/v1/scans/nope").statusCode()).isEqualTo(404);
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(host(75, 1, ready())))) {
            HttpResponse<String> created = post(base, "/api/v1/scans", JSON_TYPE, hostsBody(hostPorts(fleet)));
            String location = created.headers().firstValue("Location").orElseThrow();
            await(base, location, s -> s.path("state").asText().equals("finished"));
            HttpResponse<String> late = delete(base, location);
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(json(late).path("detail").asText()).contains("finished");
        }
    }

    @Test
    void scans_are_listed_newest_first_in_pages() {
        for (int i = 0; i < 3; i++) {
            // hosts nobody serves: the list only needs the scans to exist
            post(base, "/api/v1/scans", JSON_TYPE, hostsBody(List.of("127.0.76." + (i + 1) + ":1")));
        }
        JsonNode all = json(get(base, "/api/v1/scans?limit=1000"));
        assertThat(all.path("offset").asInt()).isZero();
        assertThat(all.path("limit").asInt()).isEqualTo(1000);
        List<String> created = STORE.scans(0, 1000).stream().map(s -> s.id()).toList();
        assertThat(all.path("items").findValuesAsText("id")).containsExactlyElementsOf(created);
        JsonNode second = json(get(base, "/api/v1/scans?offset=1&limit=1"));
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("id").asText()).isEqualTo(created.get(1));
        assertThat(get(base, "/api/v1/scans?limit=0").statusCode()).isEqualTo(400);
        assertThat(get(base, "/api/v1/scans?limit=1001").statusCode()).isEqualTo(400);
        assertThat(get(base, "/api/v1/scans?offset=-1").statusCode()).isEqualTo(400);
    }
}
