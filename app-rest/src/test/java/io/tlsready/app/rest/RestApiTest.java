package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.domain.rules.RuleId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read-only endpoints and the problem documents for routing errors, over real HTTP on loopback. */
class RestApiTest {

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback();

    @Test
    void healthz_says_ok(RestClient client) {
        HttpResponse<String> r = client.get("/healthz");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void rules_lists_the_rule_book_in_report_order_with_sources(RestClient client) {
        HttpResponse<String> r = client.get("/api/v1/rules");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode rules = RestClient.json(r);
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.get("id").asText()));
        assertThat(ids).containsExactly(Arrays.stream(RuleId.values()).map(Enum::name).toArray(String[]::new));
        JsonNode first = rules.get(0);
        assertThat(first.get("core").asBoolean()).isTrue();
        assertThat(first.get("title").asText()).isNotBlank();
        assertThat(first.get("sources")).isNotEmpty();
        JsonNode source = first.get("sources").get(0);
        assertThat(source.get("id").asText()).matches("S\\d+");
        assertThat(source.get("url").asText()).startsWith("https://");
        assertThat(source.has("title")).isTrue();
        assertThat(rules.get(RuleId.MARS_AGENT.ordinal()).get("core").asBoolean()).isFalse();
    }

    @Test
    void unknown_route_is_a_404_problem(RestClient client) {
        HttpResponse<String> r = client.outsideContract().get("/api/v1/nothing-here");

        assertProblem(r, 404, "Not Found");
        assertThat(RestClient.json(r).get("instance").asText()).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void wrong_method_is_a_405_problem_with_allow(RestClient client) {
        HttpResponse<String> r = client.outsideContract().send(HttpRequest.newBuilder(client.base().resolve("/api/v1/rules"))
                .DELETE());

        assertProblem(r, 405, "Method Not Allowed");
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
    }

    @Test
    void get_on_the_audits_resource_is_405_not_404(RestClient client) {
        HttpResponse<String> r = client.outsideContract().get("/api/v1/audits");

        assertProblem(r, 405, "Method Not Allowed");
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
    }

    static void assertProblem(HttpResponse<String> r, int status, String title) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = RestClient.json(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isEqualTo(title);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("instance").asText()).startsWith("/");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
