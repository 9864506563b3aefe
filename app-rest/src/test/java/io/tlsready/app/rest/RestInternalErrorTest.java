package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A handler that fails answers a 500 problem whose detail says nothing of the failure. The failing route is
 * added as one more route group, as a feature would be, rather than by overriding the production wiring.
 */
class RestInternalErrorTest {

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback().maxRequestBytes(1024)
            .withRoutes(routes -> routes.get("/boom", ctx -> {
                throw new IllegalStateException("secret detail at /srv/private/config");
            }));

    @Test
    void an_unexpected_failure_is_a_generic_500_problem_with_an_incident_id(RestClient client) {
        HttpResponse<String> r = client.outsideContract().get("/boom");

        assertProblem(r, 500, "Server Error");
        assertThat(RestClient.json(r).get("detail").asText())
                .matches("the server could not complete the request; the server log has details under incident "
                        + "[0-9a-f-]{36}");
        assertThat(r.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }
}
