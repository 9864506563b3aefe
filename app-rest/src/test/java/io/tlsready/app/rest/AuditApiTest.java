package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.adapters.windows.snapshot.SnapshotModule;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.port.SnapshotWriter;
import io.tlsready.domain.rules.book.RuleBook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/audits} over real HTTP: multipart evidence, JSON snapshots, and every refusal. */
class AuditApiTest {

    private static final String AUDITS = "/api/v1/audits";
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback();

    @Test
    void multipart_reg_and_systeminfo_give_the_report_of_one_not_ready_host(RestClient client) throws IOException {
        Set<Path> before = uploadDirs();
        Multipart body = new Multipart()
                .file("evidence", "schannel.reg", RestFixtures.schannelWithoutTls12Client())
                .file("evidence", "systeminfo.txt", RestFixtures.systeminfo());

        HttpResponse<String> r = client.post(AUDITS, body.contentType(), body.build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode report = RestClient.json(r);
        assertThat(report.get("schema").asText()).isEqualTo("tlsready.report/v1");
        assertThat(report.get("hosts")).hasSize(1);
        JsonNode host = report.get("hosts").get(0);
        assertThat(host.get("host").asText()).isEqualTo(RestFixtures.HOST);
        assertThat(host.get("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(host.get("os").get("release").asText()).isEqualTo("SERVER_2008_R2");
        assertThat(status(host, "SCHANNEL_TLS12_CLIENT")).isEqualTo("FAIL");
        assertThat(status(host, "OS_TLS12_UPDATE")).isEqualTo("PASS");
        assertThat(report.get("summary").get("notReady").asInt()).isEqualTo(1);
        assertThat(report.get("summary").get("exitCode").asInt()).isEqualTo(1);
        // the server's temp directory never reaches the client, and is gone after the request
        assertThat(r.body()).doesNotContain("tlsready-rest-").doesNotContain(TMP.toString() + "/");
        assertThat(host.get("source").asText()).contains("schannel.reg").contains("systeminfo.txt");
        assertThat(uploadDirs()).isSubsetOf(before);
    }

    @Test
    void json_snapshot_written_by_the_snapshot_port_gives_the_same_verdict(@TempDir Path dir, RestClient client)
            throws IOException {
        Path reg = Files.write(dir.resolve("schannel.reg"), RestFixtures.schannelWithoutTls12Client());
        Path si = Files.write(dir.resolve("systeminfo.txt"), RestFixtures.systeminfo());
        Injector injector = StrictGuice.createInjector(new OfflineEvidenceModule(), new SnapshotModule());
        HostFacts facts = injector.getInstance(OfflineEvidence.class).open(List.of(reg, si))
                .collect(RuleBook.standard().request());
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        injector.getInstance(SnapshotWriter.class).write(facts, snapshot);

        HttpResponse<String> r = client.post(AUDITS, "application/json; charset=utf-8", snapshot.toByteArray());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode host = RestClient.json(r).get("hosts").get(0);
        assertThat(host.get("host").asText()).isEqualTo(RestFixtures.HOST);
        assertThat(host.get("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(status(host, "SCHANNEL_TLS12_CLIENT")).isEqualTo("FAIL");
        assertThat(r.body()).doesNotContain("tlsready-rest-");
    }

    @Test
    void a_file_of_unknown_kind_is_a_400_problem_naming_the_uploaded_file(RestClient client) {
        Multipart body = new Multipart()
                .file("evidence", "systeminfo.txt", RestFixtures.systeminfo())
                .file("evidence", "notes.txt", "just some notes\r\n".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> r = client.post(AUDITS, body.contentType(), body.build());

        assertProblem(r, 400, "Malformed evidence");
        JsonNode p = RestClient.json(r);
        assertThat(p.get("type").asText()).isEqualTo(Problem.MALFORMED_EVIDENCE);
        assertThat(p.get("detail").asText()).startsWith("notes.txt: ");
        assertThat(p.get("location").asText()).isEqualTo("notes.txt");
        assertThat(p.get("instance").asText()).isEqualTo(AUDITS);
        assertThat(r.body()).doesNotContain("tlsready-rest-").doesNotContain(TMP.toString());
    }

    @Test
    void a_malformed_json_snapshot_is_a_400_problem_naming_the_body(RestClient client) {
        byte[] broken = "{\"schema\":\"tlsready.snapshot/v1\",\"host\":".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = client.outsideContract().post(AUDITS, "application/json", broken);

        assertProblem(r, 400, "Malformed evidence");
        assertThat(RestClient.json(r).get("detail").asText()).startsWith(AuditRoutes.JSON_BODY_NAME);
        assertThat(r.body()).doesNotContain("tlsready-rest-");
    }

    @Test
    void multipart_without_evidence_parts_is_a_400_problem(RestClient client) {
        Multipart body = new Multipart().field("comment", "no files here");

        HttpResponse<String> r = client.outsideContract().post(AUDITS, body.contentType(), body.build());

        assertProblem(r, 400, "Bad Request");
        assertThat(RestClient.json(r).get("detail").asText()).contains("'evidence'");
    }

    @Test
    void a_multipart_body_that_does_not_parse_is_a_400_problem(RestClient client) {
        byte[] garbage = "--other\r\nnot a part at all".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = client.outsideContract().post(AUDITS, "multipart/form-data; boundary=expected", garbage);

        assertProblem(r, 400, "Bad Request");
        assertThat(RestClient.json(r).get("detail").asText()).contains("multipart");
    }

    @Test
    void an_uploaded_name_with_a_path_is_reduced_to_its_last_segment(RestClient client) {
        Multipart body = new Multipart()
                .file("evidence", "..\\..\\C:\\exports\\schannel.reg", RestFixtures.schannelWithoutTls12Client())
                .file("evidence", "../systeminfo.txt", RestFixtures.systeminfo());

        HttpResponse<String> r = client.post(AUDITS, body.contentType(), body.build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(RestClient.json(r).get("hosts").get(0).get("source").asText())
                .isEqualTo("offline evidence: schannel.reg, systeminfo.txt");
    }

    @Test
    void other_content_types_are_a_415_problem_with_accept_post(RestClient client) {
        HttpResponse<String> r = client.outsideContract().post(AUDITS, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

        assertProblem(r, 415, "Unsupported Media Type");
        assertThat(r.headers().firstValue("Accept-Post")).hasValue(AuditRoutes.ACCEPTED);
        assertThat(RestClient.json(r).get("detail").asText()).contains("text/plain");
    }

    @Test
    void a_missing_content_type_is_a_415_problem(RestClient client) {
        HttpResponse<String> r = client.outsideContract().post(AUDITS, null, "{}".getBytes(StandardCharsets.UTF_8));

        assertProblem(r, 415, "Unsupported Media Type");
    }

    private static String status(JsonNode host, String rule) {
        for (JsonNode f : host.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f.get("status").asText();
            }
        }
        throw new AssertionError("no finding for " + rule);
    }

    private static Set<Path> uploadDirs() throws IOException {
        try (Stream<Path> s = Files.list(TMP)) {
            return s.filter(p -> p.getFileName().toString().startsWith("tlsready-rest-")).collect(Collectors.toSet());
        }
    }
}
