package io.tlsready.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** design.md's exit codes, decided once: for a report, a fleet tally and a plan alike. */
class ExitPolicyTest {

    private static HostReport host(String name, Verdict verdict) {
        List<Finding> findings = new ArrayList<>(VerdictTest.allPassExcept(
                RuleId.NETFX_VERSION, verdict == Verdict.NOT_READY ? Status.FAIL
                        : verdict == Verdict.UNKNOWN ? Status.UNKNOWN : Status.PASS));
        HostReport h = AuditService.failed(name, "test", "unused");
        HostReport r = new HostReport(name, "test", h.os(), Verdict.of(findings), findings, List.of(), List.of(),
                Optional.empty());
        assertThat(r.verdict()).isEqualTo(verdict);
        return r;
    }

    private static AuditReport report(HostReport... hosts) {
        return new AuditReport(List.of(hosts), "test", "2026-01-01T00:00:00Z");
    }

    @Test
    void every_host_ready_is_0() {
        ExitPolicy.Outcome o = ExitPolicy.of(report(host("a", Verdict.READY), host("b", Verdict.READY)));
        assertThat(o.code()).isZero();
        assertThat(o.reason()).isEqualTo("every host READY");
    }

    @Test
    void one_host_not_ready_is_1_even_beside_unknown_and_unreachable_hosts() {
        ExitPolicy.Outcome o = ExitPolicy.of(report(host("a", Verdict.READY), host("b", Verdict.UNKNOWN),
                AuditService.failed("c", "winrm", "refused"), host("d", Verdict.NOT_READY)));
        assertThat(o.code()).isEqualTo(ExitPolicy.NOT_READY).isEqualTo(1);
        assertThat(o.reason()).isEqualTo("1 of 4 host(s) NOT_READY");
    }

    @Test
    void an_unknown_or_unreachable_host_without_a_not_ready_one_is_3_and_the_reason_counts_them() {
        ExitPolicy.Outcome o = ExitPolicy.of(report(host("a", Verdict.READY), host("b", Verdict.UNKNOWN),
                AuditService.failed("c", "winrm", "refused")));
        assertThat(o.code()).isEqualTo(3);
        assertThat(o.reason()).isEqualTo("no host NOT_READY, but 2 UNKNOWN (1 unreachable)");
    }

    @Test
    void a_report_of_no_host_is_3_not_0() {
        assertThat(ExitPolicy.of(report()).code()).isEqualTo(3);
        assertThat(ExitPolicy.of(report()).reason()).isEqualTo("no host was audited");
    }

    @Test
    void the_report_its_json_summary_and_the_tally_counts_agree() {
        AuditReport r = report(host("a", Verdict.READY), host("b", Verdict.UNKNOWN));
        assertThat(r.exitCode()).isEqualTo(ExitPolicy.of(r).code()).isEqualTo(3);
        assertThat(ExitPolicy.of(new ExitPolicy.VerdictCounts(1, 0, 1, 0)).code()).isEqualTo(r.exitCode());
        assertThat(ReportDocument.of(r).get("summary")).asString().contains("exitCode=3");
    }

    @Test
    void one_verdict_maps_as_a_report_of_that_one_host_does() {
        for (Verdict v : Verdict.values()) {
            assertThat(ExitPolicy.of(v).code()).as(v.name()).isEqualTo(report(host("a", v)).exitCode());
        }
        assertThat(ExitPolicy.of(Verdict.READY).code()).isZero();
        assertThat(ExitPolicy.of(Verdict.NOT_READY).code()).isEqualTo(1);
        assertThat(ExitPolicy.of(Verdict.UNKNOWN).code()).isEqualTo(3);
    }

    @Test
    void a_plan_check_is_2_for_an_unreadable_file_before_1_for_a_rejected_one() {
        assertThat(ExitPolicy.ofPlanCheck(3, 0, 0).code()).isZero();
        assertThat(ExitPolicy.ofPlanCheck(3, 1, 0)).isEqualTo(new ExitPolicy.Outcome(1, "1 of 3 file(s) rejected"));
        assertThat(ExitPolicy.ofPlanCheck(3, 1, 1)).isEqualTo(
                new ExitPolicy.Outcome(2, "1 of 3 file(s) cannot be read"));
    }
}
