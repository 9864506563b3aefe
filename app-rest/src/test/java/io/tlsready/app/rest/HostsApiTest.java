package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.adapters.storage.StorageModule;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/hosts}: the latest report per host after real uploads of every example set (one host twice),
 * kept in a real SQLite store; its filters and paging, its refusals; and host names that are hostile data, round-tripping through the list
 * and the history path.
 */
class HostsApiTest {

    private static final String HOSTS = "/api/v1/hosts";
    private static final List<String> SETS = List.of("2003-unsupported", "2008r2-not-ready", "2008sp2-x86-legacy-value",
            "2012r2-ready-controlset", "2019-incomplete", "2008r2-ready");
    /** Quotes, markup, a slash, an encoded slash, a space, percent, and scripts beyond Latin. */
    private static final String HOSTILE = "Q\"<img src=x>'/a%2Fb c%中文Ωé";

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback()
            .withStorage(StorageModule.sqlite(TestData.freshDirectory()));

    /** Each host's latest upload answer, by host name in the list's order (case-insensitive name order). */
    private static final Map<String, JsonNode> LATEST = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    @BeforeAll
    static void every_example_set_uploaded() {
        RestClient client = API.client();
        for (String set : SETS) {
            JsonNode host = HistoryApiTest.upload(client, HistoryApiTest.exampleSet(set));
            LATEST.put(host.get("host").asText(), host);
        }
    }

    @Test
    void the_list_has_each_hosts_latest_report_in_name_order_with_the_defaults(RestClient client) {
        JsonNode page = RestClient.json(client.get(HOSTS));

        assertThat(names(page)).containsExactlyElementsOf(LATEST.keySet());
        assertThat(page.get("total").asLong()).isEqualTo(LATEST.size());
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("limit").asInt()).isEqualTo(100);
        JsonNode mabs = page.get("items").get(names(page).indexOf("MABS01"));
        assertThat(mabs.get("verdict").asText()).isEqualTo("READY"); // the second upload of MABS01
        assertThat(mabs.get("scanId").isNull()).isTrue();
        assertThat(mabs.get("error").isNull()).isTrue();
        assertThat(mabs.get("reportId").isIntegralNumber()).isTrue();
        assertThat(mabs.get("auditedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("failing")).as(item.get("host").asText())
                    .containsExactlyElementsOf(failing(LATEST.get(item.get("host").asText())));
        }
    }

    @Test
    void verdict_failing_and_name_filter_and_offset_and_limit_page(RestClient client) {
        JsonNode notReady = RestClient.json(client.get(HOSTS + "?verdict=NOT_READY"));
        List<String> expectedNotReady = LATEST.entrySet().stream()
                .filter(e -> e.getValue().get("verdict").asText().equals("NOT_READY")).map(Map.Entry::getKey).toList();
        assertThat(expectedNotReady).isNotEmpty();
        assertThat(names(notReady)).containsExactlyElementsOf(expectedNotReady);
        assertThat(notReady.get("total").asLong()).isEqualTo(expectedNotReady.size());

        String rule = failing(LATEST.get(expectedNotReady.get(0))).get(0).asText();
        List<String> failingIt = LATEST.entrySet().stream()
                .filter(e -> failing(e.getValue()).stream().anyMatch(r -> r.asText().equals(rule)))
                .map(Map.Entry::getKey).toList();
        assertThat(names(RestClient.json(client.get(HOSTS + "?failing=" + rule)))).containsExactlyElementsOf(failingIt);

        assertThat(names(RestClient.json(client.get(HOSTS + "?name=S0")))).containsExactly("MABS01", "OLDFS03");

        JsonNode page = RestClient.json(client.get(HOSTS + "?offset=1&limit=2"));
        assertThat(names(page)).containsExactlyElementsOf(new ArrayList<>(LATEST.keySet()).subList(1, 3));
        assertThat(page.get("total").asLong()).isEqualTo(LATEST.size());
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(names(RestClient.json(client.get(HOSTS + "?offset=99")))).isEmpty();
    }

    @Test
    void sort_and_order_put_hosts_in_order_with_ties_by_name(RestClient client) {
        List<String> byName = new ArrayList<>(LATEST.keySet());
        List<String> reversed = new ArrayList<>(byName);
        java.util.Collections.reverse(reversed);
        assertThat(names(RestClient.json(client.get(HOSTS + "?sort=name&order=desc")))).containsExactlyElementsOf(reversed);

        java.util.Comparator<String> failingCount = java.util.Comparator.comparingInt(h -> failing(LATEST.get(h)).size());
        assertThat(names(RestClient.json(client.get(HOSTS + "?sort=failing&order=desc"))))
                .containsExactlyElementsOf(byName.stream().sorted(failingCount.reversed().thenComparing(
                        String.CASE_INSENSITIVE_ORDER)).toList());
        assertThat(names(RestClient.json(client.get(HOSTS + "?sort=failing"))))
                .containsExactlyElementsOf(byName.stream().sorted(failingCount.thenComparing(
                        String.CASE_INSENSITIVE_ORDER)).toList());

        java.util.Comparator<String> verdict = java.util.Comparator.comparing(
                h -> io.tlsready.domain.report.Verdict.valueOf(LATEST.get(h).get("verdict").asText()));
        assertThat(names(RestClient.json(client.get(HOSTS + "?sort=verdict&order=asc"))))
                .containsExactlyElementsOf(byName.stream().sorted(verdict.thenComparing(
                        String.CASE_INSENSITIVE_ORDER)).toList());

        JsonNode newestFirst = RestClient.json(client.get(HOSTS + "?sort=audited&order=desc&limit=1000"));
        List<String> times = new ArrayList<>();
        newestFirst.get("items").forEach(i -> times.add(i.get("auditedAt").asText()));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.<String, Instant>comparing(Instant::parse).reversed());
    }

    @Test
    void each_host_has_a_cause_only_when_it_could_not_be_audited(RestClient client) {
        JsonNode page = RestClient.json(client.get(HOSTS));
        page.get("items").forEach(i -> assertThat(i.get("cause").isNull()).as(i.toString()).isTrue());

        JsonNode refused = RestClient.json(client.get(HOSTS + "?cause=REFUSED&verdict=UNKNOWN&sort=failing"));
        assertThat(refused.get("items")).isEmpty();
        assertThat(refused.get("total").asLong()).isZero();
    }

    @Test
    void a_bad_filter_or_page_is_a_400_naming_the_parameter_and_what_it_accepts(RestClient client) {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("verdict=ready", "query parameter 'verdict' must be one of READY, NOT_READY, UNKNOWN");
        refusals.put("failing=NO_SUCH_RULE", "query parameter 'failing' must be one of ");
        refusals.put("limit=0", "query parameter 'limit' must be a whole number from 1 to 1000");
        refusals.put("limit=1001", "query parameter 'limit' must be a whole number from 1 to 1000");
        refusals.put("limit=ten", "query parameter 'limit' must be a whole number from 1 to 1000");
        refusals.put("cause=refused", "query parameter 'cause' must be one of DNS, REFUSED, TIMEOUT, AUTH, TLS, PROTOCOL,"
                + " OTHER");
        refusals.put("sort=NAME", "query parameter 'sort' must be one of name, verdict, audited, failing");
        refusals.put("sort=size", "query parameter 'sort' must be one of name, verdict, audited, failing");
        refusals.put("order=down", "query parameter 'order' must be one of asc, desc");
        refusals.put("offset=-1", "query parameter 'offset' must be a whole number from 0 to ");
        refusals.forEach((query, detail) -> {
            HttpResponse<String> r = client.outsideContract().get(HOSTS + "?" + query);
            assertProblem(r, 400, "Bad Request");
            assertThat(RestClient.json(r).get("detail").asText()).as(query).startsWith(detail);
        });
        assertThat(RestClient.json(client.outsideContract().get(HOSTS + "?failing=NO_SUCH_RULE")).get("detail").asText())
                .contains("SCHANNEL_TLS12_CLIENT");
    }

    @Test
    void a_hostile_host_name_round_trips_through_the_list_and_its_history_path(RestClient client) {
        Multipart body = new Multipart()
                .file("evidence", "schannel.reg", RestFixtures.schannelWithoutTls12Client())
                .file("evidence", "systeminfo.txt", new String(RestFixtures.systeminfo(), StandardCharsets.UTF_8)
                        .replace(RestFixtures.HOST, HOSTILE).getBytes(StandardCharsets.UTF_8));
        JsonNode uploaded = HistoryApiTest.upload(client, body);
        assertThat(uploaded.get("host").asText()).isEqualTo(HOSTILE);

        JsonNode found = RestClient.json(client.get(HOSTS + "?name="
                + URLEncoder.encode("<img", StandardCharsets.UTF_8)));
        assertThat(names(found)).containsExactly(HOSTILE);

        HttpResponse<String> r = client.get(HistoryApiTest.path(HOSTILE));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode history = RestClient.json(r);
        assertThat(history.get("host").asText()).isEqualTo(HOSTILE);
        assertThat(history.get("entries").get(0).get("report")).isEqualTo(uploaded);
        assertThat(client.get(HistoryApiTest.path(HOSTILE.toUpperCase(java.util.Locale.ROOT))).statusCode())
                .as("case-insensitive").isEqualTo(200);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("host").asText()));
        return names;
    }

    /** The rules a report fails, in rule-book order (the report's findings are in that order). */
    private static List<JsonNode> failing(JsonNode host) {
        List<JsonNode> rules = new ArrayList<>();
        host.get("findings").forEach(f -> {
            if (f.get("status").asText().equals("FAIL")) {
                rules.add(f.get("rule"));
            }
        });
        return rules;
    }
}
