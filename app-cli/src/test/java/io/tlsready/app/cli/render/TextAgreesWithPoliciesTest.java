package io.tlsready.app.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.StatusCounts;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.formats.ReportRenderer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The text report counts what the domain's policies say: the status counts
 * ({@link StatusCounts}), never a count of its own. The other formats: report-formats' RenderersAgreeWithPoliciesTest.
 */
class TextAgreesWithPoliciesTest {

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

    private static String render(Format format, AuditReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.renderer().render(report, new ReportRenderer.Options(false, false), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_text_verdict_line_shows_the_domains_status_counts() throws Exception {
        AuditReport report = report();
        StatusCounts c = StatusCounts.of(report.hosts().get(0).findings());
        String text = render(Format.TEXT, report);
        assertThat(text).contains("Verdict  UNKNOWN   " + c.count(Status.FAIL) + " fail, " + c.count(Status.WARN)
                + " warn, " + c.count(Status.UNKNOWN) + " unknown, " + c.count(Status.PASS) + " pass");
        assertThat(c.count(Status.UNKNOWN)).isEqualTo(3);
    }

}
