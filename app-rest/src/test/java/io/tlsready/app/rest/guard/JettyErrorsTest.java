package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Jetty refuses before any route (URI, header, sizes) comes back as a problem document too. */
class JettyErrorsTest {

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
    void a_header_block_too_large_is_a_431_problem() {
        String answer = server.raw("GET /healthz HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nX-Big: "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 431);
    }

    @Test
    void a_uri_too_long_is_a_414_or_431_problem() {
        String answer = server.raw("GET /healthz?" + "q".repeat(20_000) + " HTTP/1.1\r\nHost: localhost:"
                + server.port() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).containsPattern("^HTTP/1.1 (414|431)");
        assertThat(answer).contains("application/problem+json").doesNotContain("<html");
    }

    @Test
    void a_malformed_header_is_a_400_problem() {
        String answer = server.raw("GET /healthz HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nBad Header Without Colon\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 400);
    }

    @Test
    void a_bad_uri_is_a_400_problem() {
        String answer = server.raw("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 400);
    }

    private static void assertProblem(String answer, int status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json").doesNotContain("<html");
        JsonNode p = GuardServer.json(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("detail").asText()).isNotBlank();
    }
}
