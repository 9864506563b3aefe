package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.app.rest.Multipart;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.domain.access.Activity;
import io.tlsready.domain.access.TokenSecret;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens and roles over real HTTP: who gets in, who gets 401 or 403, and what the activity log keeps. */
class AuthTest {

    private static GuardServer server;

    @BeforeAll
    static void start() {
        server = GuardServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void no_token_is_a_401_problem_with_a_bearer_challenge() {
        HttpResponse<String> r = server.get("/api/v1/rules", null);

        assertUnauthorized(r, "/api/v1/rules");
    }

    @Test
    void missing_malformed_unknown_and_revoked_tokens_all_get_the_same_answer() {
        String revoked = server.storage.issue("gone", io.tlsready.domain.access.Role.OPERATOR);
        server.storage.store().revoke("gone", Instant.now());
        List<String> headers = List.of("Basic b3BzOnNlY3JldA==", "Bearer", "Bearer not-a-token",
                "Bearer " + TokenSecret.generate(), "Bearer " + revoked, "Bearer " + server.operator + "x",
                "Bearer tlsr_" + "A".repeat(5000));

        for (String header : headers) {
            HttpResponse<String> r = server.send(server.request("/api/v1/rules", null).header("Authorization", header)
                    .GET());
            assertUnauthorized(r, "/api/v1/rules");
            assertThat(r.body()).as(header).isEqualTo(server.get("/api/v1/rules", null).body());
        }
    }

    @Test
    void unknown_paths_need_a_token_too_so_routes_cannot_be_probed() {
        assertUnauthorized(server.get("/api/v1/no-such-thing", null), "/api/v1/no-such-thing");
        assertUnauthorized(server.get("/metrics", null), "/metrics");
        assertThat(server.get("/api/v1/no-such-thing", server.reader).statusCode()).isEqualTo(404);
    }

    @Test
    void healthz_and_the_openapi_document_need_no_token() {
        assertThat(server.get("/healthz", null).statusCode()).isEqualTo(200);
        // the document itself comes from another room; the guard only lets the request through
        assertThat(server.get("/api/v1/openapi.json", null).statusCode()).isNotIn(401, 403);
    }

    @Test
    void the_bearer_scheme_is_case_insensitive() {
        HttpResponse<String> r = server.send(server.request("/api/v1/rules", null)
                .header("Authorization", "bEaReR " + server.reader).GET());

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void a_reader_reads_but_may_not_write() {
        assertThat(server.get("/api/v1/rules", server.reader).statusCode()).isEqualTo(200);
        assertThat(server.send(server.request("/api/v1/rules", server.reader).method("HEAD",
                HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);

        HttpResponse<String> post = server.post("/api/v1/audits", server.reader, "application/json", new byte[] {'{',
                '}'});
        HttpResponse<String> delete = server.send(server.request("/api/v1/scans/x", server.reader).DELETE());

        for (HttpResponse<String> r : List.of(post, delete)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(GuardServer.json(r.body()).get("detail").asText()).contains("operator token");
        }
    }

    @Test
    void an_operator_may_write() {
        Multipart body = new Multipart()
                .file("evidence", "schannel.reg", RestFixtures.schannelWithoutTls12Client())
                .file("evidence", "systeminfo.txt", RestFixtures.systeminfo());

        HttpResponse<String> r = server.post("/api/v1/audits", server.operator, body.contentType(), body.build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void the_activity_log_keeps_writes_and_refusals_with_the_token_name_and_never_a_secret() {
        server.post("/api/v1/audits", server.operator, "application/json", "{}".getBytes());
        server.post("/api/v1/audits", server.reader, "application/json", "{}".getBytes());
        server.get("/api/v1/rules", null);
        server.get("/api/v1/rules", server.reader);

        List<Activity> recent = server.storage.store().recent(100);

        assertThat(recent).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo("ops");
            assertThat(a.action()).isEqualTo("POST /api/v1/audits");
            assertThat(a.status()).isEqualTo(400);
        });
        assertThat(recent).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo("grafana");
            assertThat(a.action()).isEqualTo("POST /api/v1/audits");
            assertThat(a.status()).isEqualTo(403);
        });
        assertThat(recent).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo("-");
            assertThat(a.action()).isEqualTo("GET /api/v1/rules");
            assertThat(a.status()).isEqualTo(401);
        });
        assertThat(recent).noneSatisfy(a -> {
            assertThat(a.action()).isEqualTo("GET /api/v1/rules");
            assertThat(a.status()).isEqualTo(200);
        });
        assertThat(recent.toString()).doesNotContain(TokenSecret.PREFIX)
                .doesNotContain(TokenSecret.hash(server.operator));
    }

    private static void assertUnauthorized(HttpResponse<String> r, String path) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tlsready\"");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = GuardServer.json(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(401);
        assertThat(p.get("title").asText()).isEqualTo("Unauthorized");
        assertThat(p.get("instance").asText()).isEqualTo(path);
        assertThat(p.get("detail").asText()).contains("bearer token");
    }
}
