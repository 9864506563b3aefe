package io.tlsready.domain.report;

import static io.tlsready.domain.report.VerdictTest.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Status counts and "a core rule's UNKNOWN decides the verdict", each counted in one place. */
class StatusCountsTest {

    @Test
    void every_status_is_counted_and_absent_ones_are_zero() {
        StatusCounts c = StatusCounts.of(List.of(finding(RuleId.OS_SUPPORTED, Status.PASS),
                finding(RuleId.SCHANNEL_TLS12_CLIENT, Status.FAIL), finding(RuleId.FIPS_POLICY, Status.WARN),
                finding(RuleId.CIPHER_SUITES, Status.FAIL)));
        assertThat(c.count(Status.FAIL)).isEqualTo(2);
        assertThat(c.count(Status.PASS)).isEqualTo(1);
        assertThat(c.count(Status.WARN)).isEqualTo(1);
        assertThat(c.count(Status.UNKNOWN)).isZero();
        assertThat(c.count(Status.NOT_APPLICABLE)).isZero();
        assertThat(c.byStatus()).containsOnlyKeys(Status.values());
        assertThat(c.total()).isEqualTo(4);
    }

    @Test
    void core_unknowns_decide_and_other_unknowns_do_not() {
        StatusCounts c = StatusCounts.of(List.of(finding(RuleId.NETFX_VERSION, Status.UNKNOWN),
                finding(RuleId.MARS_AGENT, Status.UNKNOWN), finding(RuleId.AZURE_ROOT_CAS, Status.UNKNOWN)));
        assertThat(c.count(Status.UNKNOWN)).isEqualTo(3);
        assertThat(c.decidingUnknown()).isEqualTo(1);
        assertThat(c.otherUnknown()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RuleId.class)
    void an_unknown_decides_exactly_when_the_verdict_turns_unknown(RuleId rule) {
        List<Finding> findings = VerdictTest.allPassExcept(rule, Status.UNKNOWN);
        Finding unknown = findings.stream().filter(f -> f.rule() == rule).findFirst().orElseThrow();
        assertThat(Verdict.unknownDecides(unknown)).isEqualTo(Verdict.of(findings) == Verdict.UNKNOWN);
        assertThat(StatusCounts.of(findings).decidingUnknown() > 0).isEqualTo(Verdict.of(findings) == Verdict.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Status.class)
    void only_an_unknown_can_decide(Status status) {
        assertThat(Verdict.unknownDecides(finding(RuleId.OS_SUPPORTED, status))).isEqualTo(status == Status.UNKNOWN);
    }

    @Test
    void a_report_counts_the_findings_of_all_its_hosts() {
        HostReport a = new HostReport("a", "t", AuditService.failed("a", "t", "x").os(),
                Verdict.READY, List.of(finding(RuleId.OS_SUPPORTED, Status.PASS)), List.of(), List.of(),
                Optional.empty());
        HostReport b = new HostReport("b", "t", a.os(), Verdict.NOT_READY,
                List.of(finding(RuleId.OS_SUPPORTED, Status.FAIL), finding(RuleId.NETFX_VERSION, Status.UNKNOWN)),
                List.of(), List.of(), Optional.empty());
        AuditReport r = new AuditReport(List.of(a, b), "t", "now");
        StatusCounts c = StatusCounts.of(r);
        assertThat(c.count(Status.PASS)).isEqualTo(1);
        assertThat(c.count(Status.FAIL)).isEqualTo(1);
        assertThat(c.decidingUnknown()).isEqualTo(1);
        assertThat(r.statusCounts()).isEqualTo(c.byStatus());
    }
}
