package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DNS rebinding and cross-origin reads, over real HTTP: a foreign Host gets 421, and no answer carries CORS. */
class HostHeaderAndCorsTest {

    private static GuardServer server;

    @BeforeAll
    static void start() {
        server = GuardServer.start(b -> b.allowedHosts("tlsready.example"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_foreign_host_header_is_a_421_problem_even_with_a_valid_token() {
        String answer = server.raw("GET /api/v1/rules HTTP/1.1\r\nHost: evil.example:" + server.port()
                + "\r\nAuthorization: Bearer " + server.operator + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 421").contains("application/problem+json")
                .contains("\"title\":\"Misdirected Request\"").doesNotContain("\"id\"");
    }

    @Test
    void healthz_too_answers_only_its_own_names() {
        String foreign = server.raw("GET /healthz HTTP/1.1\r\nHost: evil.example:" + server.port()
                + "\r\nConnection: close\r\n\r\n");
        String own = server.raw("GET /healthz HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nConnection: close\r\n\r\n");

        assertThat(foreign).startsWith("HTTP/1.1 421");
        assertThat(own).startsWith("HTTP/1.1 200");
    }

    @Test
    void an_added_name_is_answered() {
        String answer = server.raw("GET /api/v1/rules HTTP/1.1\r\nHost: tlsready.example\r\nAuthorization: Bearer "
                + server.reader + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    @Test
    void a_cross_origin_preflight_gets_no_cors_headers() {
        HttpResponse<String> preflight = server.send(server.request("/api/v1/audits", null)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> read = server.send(server.request("/api/v1/rules", server.reader)
                .header("Origin", "https://evil.example").GET());

        for (HttpResponse<String> r : java.util.List.of(preflight, read)) {
            assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        }
        assertThat(preflight.statusCode()).isNotEqualTo(200);
        assertThat(read.statusCode()).isEqualTo(200);
    }
}
