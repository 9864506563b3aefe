package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.adapters.storage.StorageModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/v1/audits} keeps each host's report, {@code GET /api/v1/hosts} lists the latest per host and
 * {@code GET /api/v1/hosts/{host}/history} shows them all with their drift: real uploads of the example sets over
 * real HTTP, a real SQLite store (a fresh data directory) behind the storage ports.
 */
class HistoryApiTest {

    private static final String AUDITS = "/api/v1/audits";
    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback()
            .withStorage(StorageModule.sqlite(TestData.freshDirectory()));

    /** Every file of one example set (examples/ at the project root) as one multipart upload. */
    static Multipart exampleSet(String set) {
        Multipart body = new Multipart();
        try {
            for (Path f : RestFixtures.exampleFiles(set)) {
                body.file("evidence", f.getFileName().toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body;
    }

    static JsonNode upload(RestClient client, Multipart body) {
        HttpResponse<String> r = client.post(AUDITS, body.contentType(), body.build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return RestClient.json(r).get("hosts").get(0);
    }

    static String path(String host) {
        return "/api/v1/hosts/" + URLEncoder.encode(host, StandardCharsets.UTF_8).replace("+", "%20") + "/history";
    }

    @Test
    void two_uploads_of_one_host_give_a_history_newest_first_with_the_rules_that_changed(RestClient client) {
        JsonNode notReady = upload(client, exampleSet("2008r2-not-ready"));
        JsonNode ready = upload(client, exampleSet("2008r2-ready"));
        assertThat(notReady.get("host").asText()).isEqualTo("MABS01");
        assertThat(ready.get("host").asText()).isEqualTo("MABS01");

        HttpResponse<String> r = client.get(path("mabs01")); // any case finds the host

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode history = RestClient.json(r);
        assertThat(history.get("host").asText()).isEqualTo("MABS01");
        JsonNode entries = history.get("entries");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
        JsonNode newest = entries.get(0);
        JsonNode older = entries.get(1);
        assertThat(newest.get("verdict").asText()).isEqualTo("READY");
        assertThat(older.get("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(newest.get("reportId").asLong()).isGreaterThan(older.get("reportId").asLong());
        assertThat(newest.get("scanId").isNull()).isTrue();
        // each entry carries the report exactly as the upload answered it
        assertThat(newest.get("report")).isEqualTo(ready);
        assertThat(older.get("report")).isEqualTo(notReady);
        // the changes are exactly the rules whose status differs between the two reports
        List<String> expected = new ArrayList<>();
        for (JsonNode f : ready.get("findings")) {
            String rule = f.get("rule").asText();
            String before = status(notReady, rule);
            if (!f.get("status").asText().equals(before)) {
                expected.add(rule + ":" + before + "->" + f.get("status").asText());
            }
        }
        List<String> changes = new ArrayList<>();
        newest.get("changes").forEach(c -> changes.add(c.get("rule").asText() + ":" + c.get("before").asText()
                + "->" + c.get("after").asText()));
        assertThat(expected).isNotEmpty();
        assertThat(changes).containsExactlyElementsOf(expected);
        assertThat(changes).anyMatch(c -> c.endsWith("FAIL->PASS"));
    }

    @Test
    void a_stored_report_names_the_uploaded_files_never_the_servers_paths(RestClient client) {
        upload(client, exampleSet("2012r2-ready-controlset"));

        String body = client.get(path("FILESRV12")).body();

        assertThat(body).contains("schannel.reg").doesNotContain("tlsready-rest-")
                .doesNotContain(System.getProperty("java.io.tmpdir"));
    }

    @Test
    void a_host_never_seen_is_a_404_problem(RestClient client) {
        HttpResponse<String> r = client.get(path("never-audited-host"));

        assertProblem(r, 404, "Not Found");
    }

    @Test
    void history_limit_shows_the_newest_and_keeps_the_drift_of_the_oldest_shown(RestClient client) {
        upload(client, exampleSet("2019-incomplete"));
        upload(client, exampleSet("2019-incomplete"));
        upload(client, exampleSet("2008sp2-x86-legacy-value"));

        JsonNode all = RestClient.json(client.get(path("BACKUP19")));
        JsonNode one = RestClient.json(client.get(path("BACKUP19") + "?limit=1"));

        assertThat(one.get("entries")).hasSize(1);
        assertThat(one.get("entries").get(0)).isEqualTo(all.get("entries").get(0));
        assertProblem(client.outsideContract().get(path("BACKUP19") + "?limit=0"), 400, "Bad Request");
        assertThat(RestClient.json(client.outsideContract().get(path("BACKUP19") + "?limit=0")).get("detail").asText())
                .isEqualTo("query parameter 'limit' must be a whole number from 1 to 1000");
    }

    private static String status(JsonNode host, String rule) {
        for (JsonNode f : host.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f.get("status").asText();
            }
        }
        return "null";
    }
}
