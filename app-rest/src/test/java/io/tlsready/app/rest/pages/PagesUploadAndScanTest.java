package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.app.rest.Multipart;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.app.rest.TestingStorage;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.app.rest.scans.ScanFixtures;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.testing.InMemoryStore;
import io.tlsready.sim.FaultKind;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's forms end to end: evidence uploaded through the page lands on the host's page; a scan of
 * simulated hosts (real WinRM over loopback) started from the form runs to finished in its progress JSON.
 */
@Timeout(300) // a guard against a hang only
class PagesUploadAndScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InMemoryStore STORE = new InMemoryStore();

    @TempDir
    static Path tmp;

    private static TlsReadyServer server;
    private static URI base;
    private static PageClient operator;

    @BeforeAll
    static void start() throws Exception {
        server = ScanFixtures.server(STORE, ScanFixtures.credentials(tmp), Duration.ofSeconds(3));
        base = server.start();
        operator = PageClient.signedIn(base, TestingStorage.issue(STORE, "forms-operator", Role.OPERATOR));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void uploading_an_example_set_redirects_to_the_host_page_showing_it_not_ready_with_its_failures() throws Exception {
        Document form = operator.page("/upload");
        assertThat(form.select("form#upload[method=post][enctype=multipart/form-data] input[type=file][name=evidence]"
                + "[multiple]")).hasSize(1);
        assertThat(form.select("button#upload-submit")).hasSize(1);
        Multipart m = new Multipart().field("csrf", operator.csrf());
        for (Path f : RestFixtures.exampleFiles("2008r2-not-ready")) {
            m.file("evidence", f.getFileName().toString(), Files.readAllBytes(f));
        }
        HttpResponse<String> r = operator.postMultipart("/upload", m);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String location = PageClient.location(r).orElseThrow();
        assertThat(location).startsWith("/hosts/");
        Document host = operator.page(location);
        assertThat(host.select("#verdict .badge").text()).isEqualTo("NOT_READY");
        assertThat(host.select("tr[data-status]").first().attr("data-status")).isEqualTo("FAIL");
        assertThat(host.select("#history li[data-report]")).hasSize(1);
    }

    @Test
    void a_file_that_is_not_evidence_is_one_line_on_the_form_with_422() {
        Multipart m = new Multipart().field("csrf", operator.csrf())
                .file("evidence", "notes.txt", "just some words\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = operator.postMultipart("/upload", m);
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = PageClient.parse(r);
        assertThat(d.select("#upload-error").text()).isNotBlank().doesNotContain(tmp.toString())
                .doesNotContain("/tmp/tlsready-rest-");
        assertThat(d.select("form#upload")).hasSize(1);
    }

    @Test
    void the_scan_form_offers_profile_names_only_and_a_bad_host_list_is_one_line_with_422() {
        Document d = operator.page("/scans");
        assertThat(d.select("form#scan textarea[name=hosts]")).hasSize(1);
        assertThat(d.select("form#scan select[name=profile] option").eachAttr("value")).containsExactly("sim");
        assertThat(d.outerHtml()).doesNotContain(ScanFixtures.PASSWORD).doesNotContain(ScanFixtures.USER);
        HttpResponse<String> r = operator.post("/scans", Map.of("hosts", "srv1", "profile", "no-such-profile"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(PageClient.parse(r).select("#scan-error").text()).contains("no-such-profile");
        assertThat(PageClient.parse(r).select("textarea[name=hosts]").text()).isEqualTo("srv1");
    }

    @Test
    void a_scan_started_from_the_form_runs_to_finished_in_its_progress_json_and_lists_its_hosts() throws Exception {
        List<HostSpec> specs = List.of(ScanFixtures.host(81, 1, ScanFixtures.ready()),
                ScanFixtures.host(81, 2, ScanFixtures.notReady()), ScanFixtures.refused(81, 3));
        try (SimulatedFleet fleet = SimulatedFleet.start(specs)) {
            String hosts = String.join("\n", fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList());
            HttpResponse<String> r = operator.post("/scans", Map.of("hosts", hosts, "profile", "sim"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            String scan = PageClient.location(r).orElseThrow();
            assertThat(scan).matches("/scans/[0-9a-f-]{36}");
            Document page = operator.page(scan);
            assertThat(page.select("#scan-progress[data-total=3]")).hasSize(1);
            assertThat(page.select("#scan-progress progress")).hasSize(1);
            JsonNode progress;
            do {
                HttpResponse<String> p = operator.get(scan + "/progress");
                assertThat(p.statusCode()).isEqualTo(200);
                assertThat(p.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
                progress = JSON.readTree(p.body());
                Thread.sleep(100);
            } while (progress.path("state").asText().equals("running"));
            assertThat(progress.path("state").asText()).isEqualTo("finished");
            assertThat(progress.path("done").asInt()).isEqualTo(3);
            assertThat(progress.path("total").asInt()).isEqualTo(3);
            assertThat(progress.path("verdicts").path("READY").asInt()).isEqualTo(1);
            assertThat(progress.path("verdicts").path("NOT_READY").asInt()).isEqualTo(1);
            assertThat(progress.path("verdicts").path("UNKNOWN").asInt()).isEqualTo(1);
            Document done = operator.page(scan);
            assertThat(done.select("#scan-progress").attr("data-state")).isEqualTo("finished");
            assertThat(done.select("#scan-progress").attr("data-done")).isEqualTo("3");
            assertThat(done.select("#scan-hosts a[data-host]").eachAttr("data-host"))
                    .containsExactlyInAnyOrder("127.0.81.1", "127.0.81.2", "127.0.81.3");
            assertThat(done.select("form#scan-cancel")).isEmpty();
            assertThat(operator.page("/scans").select("table#scans tr[data-scan]").eachAttr("data-scan"))
                    .contains(scan.substring("/scans/".length()));
            assertThat(new PageClient(base).get(scan + "/progress").statusCode()).as("no cookie").isEqualTo(303);
        }
    }

    @Test
    void a_running_scan_can_be_cancelled_from_its_page() throws Exception {
        // a host that reads the request and never answers keeps the scan running until it is cancelled
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(ScanFixtures.host(82, 1, ScanFixtures.ready())
                .withFault(FaultKind.STALL)))) {
            HttpResponse<String> r = operator.post("/scans", Map.of("hosts", fleet.endpoints().get(0).hostPort(),
                    "profile", "sim"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            String scan = PageClient.location(r).orElseThrow();
            Document page = operator.page(scan);
            assertThat(page.select("#scan-progress").attr("data-state")).isEqualTo("running");
            assertThat(page.select("form#scan-cancel input[name=csrf]")).hasSize(1);
            HttpResponse<String> cancel = operator.post(scan + "/cancel", Map.of());
            assertThat(cancel.statusCode()).isEqualTo(303);
            assertThat(PageClient.location(cancel)).contains(scan);
            Document after = operator.page(scan);
            assertThat(after.select("#scan-progress").attr("data-state")).isEqualTo("cancelled");
            assertThat(after.select("form#scan-cancel")).isEmpty();
        }
    }
}
