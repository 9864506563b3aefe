package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/openapi.json} serves docs/openapi.yaml as JSON; and the test client really holds every answer to
 * it: a server that strays from the document fails the test that called it.
 */
class OpenApiRoutesTest {

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback();

    @Test
    void the_document_is_served_as_json_and_is_the_yaml_in_the_jar(RestClient client) {
        HttpResponse<String> r = client.get(OpenApiRoutes.PATH);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(RestClient.json(r)).isEqualTo(OpenApiRoutes.read());
        assertThat(RestClient.json(r).path("paths").has("/api/v1/scans/{id}/report")).isTrue();
    }

    @Test
    void the_document_is_the_same_on_every_request(RestClient client) {
        assertThat(client.get(OpenApiRoutes.PATH).body()).isEqualTo(client.get(OpenApiRoutes.PATH).body());
    }

    @Test
    void a_server_answering_outside_the_contract_fails_the_client_call() {
        // a stand-in server that gets one documented operation wrong: a scan page without its limit
        Javalin stray = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/api/v1/scans", ctx -> ctx.contentType("application/json").result("{\"items\":[],\"offset\":0}"));
            config.routes.get("/api/v1/rules", ctx -> ctx.status(201).contentType("application/json").result("[]"));
        }).start();
        try {
            RestClient client = new RestClient(URI.create("http://127.0.0.1:" + stray.port() + "/"));

            assertThatThrownBy(() -> client.get("/api/v1/scans")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /api/v1/scans").hasMessageContaining("limit");
            assertThatThrownBy(() -> client.get("/api/v1/rules")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("201");
            assertThatThrownBy(() -> client.get("/api/v1/scans?sort=name")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("request GET /api/v1/scans").hasMessageContaining("sort");
        } finally {
            stray.stop();
        }
    }
}
