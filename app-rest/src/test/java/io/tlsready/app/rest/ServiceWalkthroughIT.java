package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's "how it will be judged" path in one go, against {@code tlsready serve} as the launcher runs it (the
 * packaged jar plus target/lib, a process of its own) on SQLite, scanning hosts of the WinRM simulator: upload,
 * scan, hosts, every report format, a host that changes between two scans, tokens and roles, a restart. Every
 * request and answer goes through {@link RestClient}, so each is checked against docs/openapi.yaml.
 */
@Timeout(600) // a guard against a hang only
class ServiceWalkthroughIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "walk-auditor";
    private static final String PASSWORD = "walk-Pass-" + System.nanoTime();
    private static final String JSON_TYPE = "application/json";
    private static final String SUBNET = "127.0.93.";

    @TempDir
    Path tmp;

    private final List<ServeProcess> started = new ArrayList<>();

    private ServeProcess launch(Path stdout, String... args) throws IOException {
        ServeProcess p = ServeProcess.start(tmp, stdout, args);
        started.add(p);
        return p;
    }

    @AfterEach
    void noProcessIsLeftRunning() {
        started.forEach(ServeProcess::kill);
    }

    @Test
    void upload_scan_hosts_reports_a_changed_host_tokens_and_a_restart_all_as_the_contract_says() throws Exception {
        Path data = tmp.resolve("data");
        String listen = "127.0.0.1:" + freePort();
        String[] serveArgs = {"--listen", listen, "--data", data.toString(), "--credentials",
                credentials(tmp).toString()};
        ServeProcess service = launch(null, serveArgs);
        URI uri = service.uri();
        String token = Files.readString(data.resolve("initial-token")).strip();
        RestClient operator = new RestClient(uri).withToken(token);

        // an example evidence set, uploaded
        Multipart upload = new Multipart();
        for (Path file : RestFixtures.exampleFiles("2008r2-not-ready")) {
            upload.file("evidence", file.getFileName().toString(), Files.readAllBytes(file));
        }
        HttpResponse<String> audited = operator.post("/api/v1/audits", upload.contentType(), upload.build());
        assertThat(audited.statusCode()).as(audited.body()).isEqualTo(200);
        assertThat(json(audited).path("hosts").get(0).path("host").asText()).isEqualTo("MABS01");
        assertThat(json(audited).path("hosts").get(0).path("verdict").asText()).isEqualTo("NOT_READY");

        // a scan of three simulated hosts: two not ready, one ready
        HostFacts ready = EvidenceFacts.load(RestFixtures.exampleFiles("2008r2-ready"));
        HostFacts notReady = EvidenceFacts.load(RestFixtures.exampleFiles("2008r2-not-ready"));
        String fixed = SUBNET + 2;
        List<String> targets;
        int fixedPort;
        String firstScan;
        try (SimulatedFleet fleet = SimulatedFleet.start(
                List.of(host(SUBNET + 1, 0, notReady), host(fixed, 0, notReady), host(SUBNET + 3, 0, ready)))) {
            targets = fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
            fixedPort = fleet.endpoint(fixed).port();
            JsonNode done = scan(operator, targets);
            firstScan = done.path("id").asText();
            assertThat(done.path("total").asInt()).isEqualTo(3);
            assertThat(done.path("done").asInt()).isEqualTo(3);
            assertThat(done.path("verdicts").path("NOT_READY").asInt()).isEqualTo(2);
            assertThat(done.path("verdicts").path("READY").asInt()).isEqualTo(1);
            assertThat(done.path("unreachable").asInt()).isZero();
            assertThat(done.path("finishedAt").asText()).isNotEmpty();
        }

        // the hosts: all four, and the three not ready
        JsonNode all = ok(operator.get("/api/v1/hosts"));
        assertThat(all.path("total").asInt()).isEqualTo(4);
        assertThat(hostNames(all)).containsExactly(SUBNET + 1, SUBNET + 2, SUBNET + 3, "MABS01");
        JsonNode failing = ok(operator.get("/api/v1/hosts?verdict=NOT_READY"));
        assertThat(hostNames(failing)).containsExactly(SUBNET + 1, SUBNET + 2, "MABS01");
        assertThat(failing.path("items").get(0).path("scanId").asText()).isEqualTo(firstScan);
        assertThat(failing.path("items").get(0).path("failing")).isNotEmpty();

        // the scan's report in every format
        Map<String, String> types = Map.of("json", "application/json", "csv", "text/csv", "html", "text/html",
                "junit", "application/xml", "sarif", "application/sarif+json");
        for (Map.Entry<String, String> format : types.entrySet()) {
            HttpResponse<String> r = operator.get("/api/v1/scans/" + firstScan + "/report?format=" + format.getKey());
            assertThat(r.statusCode()).as(format.getKey() + ": " + r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(format.getKey())
                    .hasValueSatisfying(t -> assertThat(t).startsWith(format.getValue()));
            assertThat(r.body()).as(format.getKey()).contains(SUBNET + 1).contains(SUBNET + 3)
                    .doesNotContain("MABS01");
        }
        JsonNode report = json(operator.get("/api/v1/scans/" + firstScan + "/report?format=json"));
        assertThat(report.path("schema").asText()).isEqualTo("tlsready.report/v1");
        assertThat(report.path("hosts")).extracting(h -> h.path("host").asText())
                .containsExactly(SUBNET + 1, SUBNET + 2, SUBNET + 3);
        JsonNode sarif = json(operator.get("/api/v1/scans/" + firstScan + "/report?format=sarif"));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")).isNotEmpty();

        // one host fixed (same address and port, now the ready evidence), scanned again: its history shows it
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(host(fixed, fixedPort, ready)))) {
            JsonNode done = scan(operator, List.of(fleet.endpoint(fixed).hostPort()));
            assertThat(done.path("verdicts").path("READY").asInt()).isEqualTo(1);
        }
        JsonNode history = ok(operator.get("/api/v1/hosts/" + fixed + "/history"));
        assertThat(history.path("host").asText()).isEqualTo(fixed);
        JsonNode entries = history.path("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("verdict").asText()).isEqualTo("READY");
        assertThat(entries.get(1).path("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(entries.get(0).path("scanId").asText()).isNotEqualTo(firstScan);
        assertThat(entries.get(1).path("scanId").asText()).isEqualTo(firstScan);
        assertThat(entries.get(0).path("auditedAt").asText())
                .isGreaterThanOrEqualTo(entries.get(1).path("auditedAt").asText());
        JsonNode changes = entries.get(0).path("changes");
        assertThat(changes).isNotEmpty();
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.path("rule").asText()).isEqualTo("SCHANNEL_TLS12_CLIENT");
            assertThat(c.path("before").asText()).isEqualTo("FAIL");
            assertThat(c.path("after").asText()).isEqualTo("PASS");
        });
        // exactly the rules whose status differs between the two stored reports
        Map<String, String> before = statuses(entries.get(1).path("report"));
        Map<String, String> after = statuses(entries.get(0).path("report"));
        List<String> expected = new ArrayList<>();
        after.forEach((rule, status) -> {
            if (!status.equals(before.get(rule))) {
                expected.add(rule + ":" + before.get(rule) + "->" + status);
            }
        });
        List<String> listed = new ArrayList<>();
        changes.forEach(c -> listed.add(c.path("rule").asText() + ":" + (c.path("before").isNull() ? null
                : c.path("before").asText()) + "->" + c.path("after").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(entries.get(0).path("report").path("host").asText()).isEqualTo(fixed);
        assertThat(hostNames(ok(operator.get("/api/v1/hosts?verdict=NOT_READY"))))
                .containsExactly(SUBNET + 1, "MABS01");

        // tokens: none, a wrong one, a reader's (made with the CLI while the server runs)
        RestClient anonymous = new RestClient(uri);
        assertUnauthorized(anonymous.get("/api/v1/hosts"));
        assertUnauthorized(anonymous.withToken("tlsr_" + "x".repeat(43)).get("/api/v1/hosts"));
        Path readerOut = tmp.resolve("reader-token.txt");
        ServeProcess create = launch(readerOut, "token", "create", "--name", "r", "--role", "reader", "--data",
                data.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();
        String readerToken = Files.readString(readerOut).strip();
        assertThat(readerToken).startsWith("tlsr_");
        assertThat(create.err()).doesNotContain(readerToken);
        RestClient reader = new RestClient(uri).withToken(readerToken);
        HttpResponse<String> refused = reader.post("/api/v1/scans", JSON_TYPE, scanBody(targets));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(ok(reader.get("/api/v1/hosts")).path("total").asInt()).isEqualTo(4);
        assertThat(reader.get("/api/v1/scans/" + firstScan).statusCode()).isEqualTo(200);

        // a restart on the same data: the hosts and the initial token are still there
        assertThat(service.terminate()).as("exit code after SIGTERM\n%s", service.err()).isEqualTo(143);
        // the first start shows the initial token once (by design), and no other secret
        assertThat(service.err()).containsOnlyOnce(token).doesNotContain(readerToken).doesNotContain(PASSWORD);
        ServeProcess again = launch(null, serveArgs);
        RestClient afterRestart = new RestClient(again.uri()).withToken(token);
        JsonNode hosts = ok(afterRestart.get("/api/v1/hosts"));
        assertThat(hostNames(hosts)).containsExactly(SUBNET + 1, SUBNET + 2, SUBNET + 3, "MABS01");
        assertThat(ok(afterRestart.get("/api/v1/hosts/" + fixed + "/history")).path("entries")).hasSize(2);
        assertThat(ok(new RestClient(again.uri()).withToken(readerToken).get("/api/v1/scans/" + firstScan))
                .path("state").asText()).isEqualTo("finished");
        assertThat(again.terminate()).as(again.err()).isEqualTo(143);
        assertThat(again.err()).doesNotContain(token).doesNotContain(PASSWORD);
    }

    /** Starts a scan of {@code targets} with profile "sim" and polls it until it has finished. */
    private static JsonNode scan(RestClient client, List<String> targets) throws InterruptedException {
        HttpResponse<String> created = client.post("/api/v1/scans", JSON_TYPE, scanBody(targets));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/scans/" + json(created).path("id").asText());
        while (true) {
            JsonNode scan = ok(client.get(location));
            assertThat(scan.path("state").asText()).isIn("running", "finished");
            if (scan.path("state").asText().equals("finished")) {
                return scan;
            }
            Thread.sleep(100);
        }
    }

    private static byte[] scanBody(List<String> targets) {
        return JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("hosts",
                JSON.valueToTree(targets)).put("profile", "sim").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertUnauthorized(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isEqualTo(200);
        return json(r);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return RestClient.json(r);
    }

    /** rule id to status name, from one element of a tlsready.report/v1 document's "hosts". */
    private static Map<String, String> statuses(JsonNode hostReport) {
        Map<String, String> out = new LinkedHashMap<>();
        hostReport.path("findings").forEach(f -> out.put(f.path("rule").asText(), f.path("status").asText()));
        assertThat(out).as("findings of %s", hostReport.path("host")).isNotEmpty();
        return out;
    }

    private static List<String> hostNames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("host").asText()));
        return names;
    }

    /** A simulated NTLM host on {@code address} (named by it, so its report is kept under it). */
    private static HostSpec host(String address, int port, HostFacts facts) {
        return HostSpec.of(address, address, port, HostSpec.Auth.NTLM, USER, PASSWORD.toCharArray(),
                EvidenceFacts.renamed(facts, address));
    }

    /** A credentials file (mode 600) with one profile "sim" for the simulated hosts over http + NTLM. */
    private static Path credentials(Path dir) throws IOException {
        return io.tlsready.app.rest.scans.ScanFixtures.credentials(dir, USER, PASSWORD);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
