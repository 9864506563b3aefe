package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import io.tlsready.domain.testing.InMemoryStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/fleet}: the overview of a stored fleet over real HTTP (every answer validated against the
 * OpenAPI contract): verdict counts, failing rules and failure causes by hosts' latest reports, and readiness by UTC
 * day ending today, with hosts that changed verdict and one first seen inside the range.
 */
class FleetApiTest {

    private static final AuditService AUDIT = new AuditService(RuleBook.standard());
    private static final InMemoryStore STORE = new InMemoryStore();
    private static final Instant NOW = Instant.now();
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback().withStore(STORE);

    private static List<RuleId> failing;

    @BeforeAll
    static void a_fleet_with_a_past() {
        HostReport notReady = AUDIT.evaluate(Hosts.windows("2008R2").named("app1").x64().coverAll().updates().build());
        StoredReport stored = STORE.save(notReady, NOW.minus(Duration.ofDays(20)));
        STORE.save(AUDIT.evaluate(Hosts.ready("2019").named("APP1").build()), NOW.minus(Duration.ofDays(2)));
        STORE.save(AUDIT.evaluate(Hosts.ready("2019").named("old1").build()), NOW.minus(Duration.ofDays(40)));
        STORE.save(AuditService.failed("web1", "WinRM web1:5986", "web1:5986: connection refused (WinRM not listening"
                + " on this port, service stopped, or a firewall rejects it) (3 attempts)"), NOW.minus(Duration.ofDays(5)));
        STORE.save(AuditService.failed("web2", "WinRM web2:5986", "web2:5986: connection refused"), NOW.minusSeconds(60));
        STORE.save(AuditService.failed("<b>db1</b>", "WinRM db1:5986", "db1:5986: unknown host (DNS name not found)"),
                NOW.minusSeconds(30));
        STORE.save(AUDIT.evaluate(Hosts.windows("2008R2").named("file1").x64().coverAll().updates().build()),
                NOW.minusSeconds(10));
        failing = HostSummary.of(stored).failing();
    }

    @Test
    void the_overview_counts_hosts_by_their_latest_report(RestClient client) {
        JsonNode fleet = RestClient.json(client.get("/api/v1/fleet"));

        assertThat(fleet.get("hosts").asLong()).isEqualTo(6);
        assertThat(fleet.get("verdicts").get("READY").asLong()).isEqualTo(2);
        assertThat(fleet.get("verdicts").get("NOT_READY").asLong()).isEqualTo(1);
        assertThat(fleet.get("verdicts").get("UNKNOWN").asLong()).isEqualTo(3);
        List<String> rules = new ArrayList<>();
        fleet.get("failingRules").forEach(r -> {
            rules.add(r.get("rule").asText());
            assertThat(r.get("hosts").asLong()).as("only file1 fails now").isEqualTo(1);
        });
        assertThat(rules).containsExactlyElementsOf(failing.stream().map(RuleId::name).toList());
        JsonNode causes = fleet.get("causes");
        assertThat(causes).hasSize(2);
        assertThat(causes.get(0).get("cause").asText()).isEqualTo("REFUSED");
        assertThat(causes.get(0).get("label").asText()).isEqualTo("connection refused");
        assertThat(causes.get(0).get("hosts").asLong()).isEqualTo(2);
        assertThat(causes.get(1).get("cause").asText()).isEqualTo("DNS");
        assertThat(causes.get(1).get("label").asText()).isEqualTo("name not found");
        assertThat(causes.get(1).get("hosts").asLong()).isEqualTo(1);
    }

    @Test
    void readiness_has_one_entry_per_day_ending_today(RestClient client) {
        JsonNode readiness = RestClient.json(client.get("/api/v1/fleet")).get("readiness");

        assertThat(readiness).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(readiness.get(i).get("day").asText()).isEqualTo(TODAY.minusDays(29 - i).toString());
        }
        assertDay(readiness.get(0), 1, 0, 0); // only old1, seen 40 days ago
        assertDay(readiness.get(29 - 20), 1, 1, 0); // app1 first seen, NOT_READY
        assertDay(readiness.get(29 - 5), 1, 1, 1); // web1 unreachable
        assertDay(readiness.get(29 - 2), 2, 0, 1); // app1 fixed
        assertDay(readiness.get(29), 2, 1, 3); // today: as the verdict counts

        JsonNode week = RestClient.json(client.get("/api/v1/fleet?days=7")).get("readiness");
        assertThat(week).hasSize(7);
        assertThat(week.get(6)).isEqualTo(readiness.get(29));
        assertThat(RestClient.json(client.get("/api/v1/fleet?days=366")).get("readiness")).hasSize(366);
    }

    @Test
    void the_host_list_filters_by_cause_and_names_each_hosts_cause(RestClient client) {
        JsonNode refused = RestClient.json(client.get("/api/v1/hosts?cause=REFUSED&sort=audited&order=desc"));
        assertThat(refused.get("total").asLong()).isEqualTo(2);
        List<String> hosts = new ArrayList<>();
        refused.get("items").forEach(i -> {
            hosts.add(i.get("host").asText());
            assertThat(i.get("cause").asText()).isEqualTo("REFUSED");
        });
        assertThat(hosts).containsExactly("web2", "web1");
        JsonNode dns = RestClient.json(client.get("/api/v1/hosts?cause=DNS")).get("items");
        assertThat(dns).hasSize(1);
        assertThat(dns.get(0).get("host").asText()).isEqualTo("<b>db1</b>");
        assertThat(dns.get(0).get("error").asText()).contains("DNS name not found");
        JsonNode all = RestClient.json(client.get("/api/v1/hosts?sort=verdict&order=desc")).get("items");
        assertThat(all.get(all.size() - 1).get("cause").isNull()).isTrue();
    }

    @Test
    void days_outside_1_to_366_is_a_400_naming_the_parameter(RestClient client) {
        for (String days : List.of("0", "367", "a-month", "-1")) {
            HttpResponse<String> r = client.outsideContract().get("/api/v1/fleet?days=" + days);
            assertProblem(r, 400, "Bad Request");
            assertThat(RestClient.json(r).get("detail").asText())
                    .isEqualTo("query parameter 'days' must be a whole number from 1 to 366");
        }
    }

    private static void assertDay(JsonNode day, int ready, int notReady, int unknown) {
        assertThat(day.get("READY").asInt()).as(day.toString()).isEqualTo(ready);
        assertThat(day.get("NOT_READY").asInt()).as(day.toString()).isEqualTo(notReady);
        assertThat(day.get("UNKNOWN").asInt()).as(day.toString()).isEqualTo(unknown);
    }
}
