package io.tlsready.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.StatusCounts;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The renderers count and mark what the domain's policies say: "a core rule's UNKNOWN decides the verdict"
 * ({@link Verdict#unknownDecides}) and the status counts ({@link StatusCounts}), never a count of their own.
 */
class RenderersAgreeWithPoliciesTest {

    private static Finding finding(RuleId rule, Status status) {
        return new Finding(rule, status, rule.name(), "detail", List.of(), Optional.empty(), List.of());
    }

    /** A host with a core UNKNOWN, two non-core UNKNOWNs, a WARN, an N/A and the rest PASS. */
    private static AuditReport report() {
        List<Finding> findings = new ArrayList<>();
        for (RuleId r : RuleId.values()) {
            Status s = switch (r) {
                case NETFX_VERSION, MARS_AGENT, AZURE_ROOT_CAS -> Status.UNKNOWN;
                case FIPS_POLICY -> Status.WARN;
                case DHE_LEADING_ZERO -> Status.NOT_APPLICABLE;
                default -> Status.PASS;
            };
            findings.add(finding(r, s));
        }
        HostReport h = new HostReport("h1", "test", AuditService.failed("h1", "t", "x").os(), Verdict.of(findings),
                findings, List.of(), List.of(), Optional.empty());
        return new AuditReport(List.of(h, AuditService.failed("h2", "winrm", "refused")), "t", "now");
    }

    private static String render(ReportFormat format, AuditReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.renderer().render(report, new ReportRenderer.Options(false, false), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void junit_errors_are_the_unknowns_and_skips_the_warnings() throws Exception {
        AuditReport report = report();
        StatusCounts counts = StatusCounts.of(report.hosts().get(0).findings());
        String xml = render(ReportFormat.JUNIT, report);
        assertThat(xml).contains("<testsuite name=\"h1\" tests=\"" + RuleId.values().length + "\" failures=\"0\""
                + " errors=\"" + counts.count(Status.UNKNOWN) + "\" skipped=\"" + counts.count(Status.WARN) + "\">");
        assertThat(xml).contains("errors=\"" + (counts.count(Status.UNKNOWN) + 1) + "\">"); // + the unreachable host
        assertThat(xml.split("type=\"UNKNOWN\"", -1)).hasSize(counts.count(Status.UNKNOWN) + 2);
    }

    @Test
    void sarif_notes_exactly_the_deciding_unknowns() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(render(ReportFormat.SARIF, report()));
        List<String> notes = new ArrayList<>();
        sarif.path("runs").get(0).path("results").forEach(r -> {
            if (r.path("level").asText().equals("note")) {
                notes.add(r.path("ruleId").asText());
            }
        });
        assertThat(notes).containsExactly(RuleId.NETFX_VERSION.name());
    }


    @Test
    void the_html_rule_table_counts_each_rules_statuses_as_the_domain_does() throws Exception {
        Document doc = Jsoup.parse(render(ReportFormat.HTML, report()));
        List<Element> rows = doc.select("table#rules tbody tr[data-rule]");
        for (Element row : rows) {
            RuleId rule = RuleId.valueOf(row.attr("data-rule"));
            List<Finding> ofRule = report().hosts().stream().flatMap(h -> h.findings().stream())
                    .filter(f -> f.rule() == rule).toList();
            for (Status status : Status.values()) {
                assertThat(row.selectFirst("td[data-status=" + status + "]").text()).as(rule + " " + status)
                        .isEqualTo(String.valueOf(StatusCounts.of(ofRule).count(status)));
            }
            assertThat(row.selectFirst("td[data-status=]").text()).as("the unreachable host, counted").isEqualTo("1");
        }
        assertThat(rows).hasSize(RuleId.values().length);
    }

    @Test
    void json_objects_keep_their_written_field_order_so_two_runs_diff_clean() throws Exception {
        // Map.of's order changes from one JVM run to the next; a report's fields must not.
        JsonNode json = new ObjectMapper().readTree(render(ReportFormat.JSON, report()));
        assertThat(fieldNames(json.path("tool"))).containsExactly("name", "version");
        JsonNode sarif = new ObjectMapper().readTree(render(ReportFormat.SARIF, report()));
        sarif.path("runs").get(0).path("results").forEach(r -> {
            assertThat(fieldNames(r.path("properties"))).containsExactly("status", "verdict");
            assertThat(fieldNames(r.path("locations").get(0).path("logicalLocations").get(0)))
                    .containsExactly("name", "kind");
        });
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
