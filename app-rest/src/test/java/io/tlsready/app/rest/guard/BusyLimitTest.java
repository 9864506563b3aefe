package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Past the concurrent-request limit: 503 with Retry-After as a problem, while /healthz still answers. */
class BusyLimitTest {

    @Test
    void a_request_over_the_limit_gets_503_with_retry_after_and_healthz_still_answers() throws Exception {
        try (GuardServer server = GuardServer.start(b -> b.maxConcurrentRequests(1).queue(0, Duration.ofSeconds(1)))) {
            Socket hog = new Socket("127.0.0.1", server.port());
            // one request that holds the only slot: it announces a body and sends only the start of it
            OutputStream out = hog.getOutputStream();
            out.write(("POST /api/v1/audits HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nAuthorization: Bearer "
                    + server.operator + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"a\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            HttpResponse<String> busy = until(() -> server.get("/api/v1/rules", server.reader), 503);

            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue(BusyLimit.RETRY_AFTER_SECONDS);
            assertThat(busy.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(GuardServer.json(busy.body()).get("detail").asText()).contains("busy");
            assertThat(server.get("/healthz", null).statusCode()).isEqualTo(200);

            hog.close();
            assertThat(until(() -> server.get("/api/v1/rules", server.reader), 200).statusCode()).isEqualTo(200);
            assertThat(server.get("/metrics", server.reader).body())
                    .containsPattern("tlsready_http_rejected_total\\{reason=\"requests\"} [1-9]");
        }
    }

    /** Repeats the call (at most 100 times) until it answers with {@code status}; returns the last answer. */
    private static HttpResponse<String> until(Supplier<HttpResponse<String>> call, int status)
            throws InterruptedException {
        HttpResponse<String> r = call.get();
        for (int i = 0; i < 100 && r.statusCode() != status; i++) {
            Thread.sleep(50);
            r = call.get();
        }
        return r;
    }
}
