package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.access.Role;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request size limit, on a server with a small one: announced, chunked, JSON and multipart bodies. */
class AuditApiLimitsTest {

    private static final String AUDITS = "/api/v1/audits";
    private static final int LIMIT = 64 * 1024;

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback().maxRequestBytes(LIMIT);

    @Test
    void a_body_announced_over_the_limit_is_a_413_problem_before_the_body_is_sent(RestClient client) throws Exception {
        // A raw request that announces too much and sends nothing: the server must answer from the header
        // alone (racing a client still uploading would make the test flaky, as closing early resets the socket).
        try (Socket s = new Socket("127.0.0.1", client.port())) {
            s.setSoTimeout(10_000);
            String head = "POST " + AUDITS + " HTTP/1.1\r\nHost: 127.0.0.1:" + client.port() + "\r\n"
                    + "Authorization: Bearer " + API.token("limits", Role.OPERATOR) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (LIMIT + 1) + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains(Integer.toString(LIMIT));
        }
    }

    @Test
    void a_chunked_json_body_over_the_limit_is_a_413_problem(RestClient client) {
        HttpResponse<String> r = client.outsideContract().postChunked(AUDITS, "application/json", big());

        assertProblem(r, 413, "Content Too Large");
    }

    @Test
    void a_chunked_multipart_body_over_the_limit_is_a_413_problem(RestClient client) {
        Multipart body = new Multipart().file("evidence", "huge.reg", big());

        HttpResponse<String> r = client.postChunked(AUDITS, body.contentType(), body.build());

        assertProblem(r, 413, "Content Too Large");
    }

    @Test
    void evidence_under_the_limit_is_still_audited(RestClient client) {
        Multipart body = new Multipart()
                .file("evidence", "schannel.reg", RestFixtures.schannelWithoutTls12Client())
                .file("evidence", "systeminfo.txt", RestFixtures.systeminfo());

        HttpResponse<String> r = client.postChunked(AUDITS, body.contentType(), body.build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static byte[] big() {
        byte[] b = new byte[LIMIT * 3];
        Arrays.fill(b, (byte) 'x');
        return b;
    }
}
