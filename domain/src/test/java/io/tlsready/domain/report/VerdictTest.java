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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** design.md: NOT_READY if any FAIL; else UNKNOWN if any core rule is UNKNOWN; else READY. */
class VerdictTest {

    static Finding finding(RuleId rule, Status status) {
        return new Finding(rule, status, rule.name(), "", List.of(), Optional.empty(), List.of());
    }

    static List<Finding> allPassExcept(RuleId rule, Status status) {
        List<Finding> out = new ArrayList<>();
        for (RuleId r : RuleId.values()) {
            out.add(finding(r, r == rule ? status : Status.PASS));
        }
        return out;
    }

    @Test
    void the_core_rules_are_exactly_the_six_from_the_azure_backup_article() {
        assertThat(RuleId.values()).filteredOn(RuleId::core).containsExactly(RuleId.OS_SUPPORTED,
                RuleId.OS_TLS12_UPDATE, RuleId.SCHANNEL_TLS12_CLIENT, RuleId.WINHTTP_DEFAULT_SECURE_PROTOCOLS,
                RuleId.NETFX_VERSION, RuleId.NETFX_STRONG_CRYPTO);
    }

    @Test
    void all_pass_is_ready() {
        assertThat(Verdict.of(allPassExcept(RuleId.OS_SUPPORTED, Status.PASS))).isEqualTo(Verdict.READY);
    }

    @ParameterizedTest(name = "FAIL in {0}")
    @EnumSource(RuleId.class)
    void any_fail_in_any_rule_is_not_ready(RuleId rule) {
        assertThat(Verdict.of(allPassExcept(rule, Status.FAIL))).isEqualTo(Verdict.NOT_READY);
    }

    @ParameterizedTest(name = "UNKNOWN in {0}")
    @EnumSource(RuleId.class)
    void an_unknown_core_rule_is_unknown_and_an_unknown_non_core_rule_does_not_matter(RuleId rule) {
        assertThat(Verdict.of(allPassExcept(rule, Status.UNKNOWN)))
                .isEqualTo(rule.core() ? Verdict.UNKNOWN : Verdict.READY);
    }

    @Test
    void a_fail_beats_a_core_unknown() {
        List<Finding> f = allPassExcept(RuleId.NETFX_VERSION, Status.UNKNOWN);
        f.add(finding(RuleId.MARS_AGENT, Status.FAIL));

        assertThat(Verdict.of(f)).isEqualTo(Verdict.NOT_READY);
    }

    @ParameterizedTest(name = "{0} in a core rule")
    @EnumSource(value = Status.class, names = {"WARN", "INFO", "NOT_APPLICABLE"})
    void warn_info_and_not_applicable_keep_a_host_ready(Status status) {
        assertThat(Verdict.of(allPassExcept(RuleId.SCHANNEL_TLS12_CLIENT, status))).isEqualTo(Verdict.READY);
    }

    private static HostReport host(Verdict v) {
        return new HostReport("h-" + v, "fixture", AuditService.failed("x", "y", "z").os(), v, List.of(), List.of(),
                List.of(), Optional.empty());
    }

    @Test
    void exit_code_is0_when_every_host_is_ready() {
        assertThat(new AuditReport(List.of(host(Verdict.READY), host(Verdict.READY)), "t", "now").exitCode())
                .isZero();
    }

    @Test
    void exit_code_is1_when_any_host_is_not_ready_even_if_others_are_unknown() {
        assertThat(new AuditReport(List.of(host(Verdict.READY), host(Verdict.UNKNOWN), host(Verdict.NOT_READY)), "t",
                "now").exitCode()).isEqualTo(1);
    }

    @Test
    void exit_code_is3_when_no_host_is_not_ready_but_some_are_unknown() {
        assertThat(new AuditReport(List.of(host(Verdict.READY), host(Verdict.UNKNOWN)), "t", "now").exitCode())
                .isEqualTo(3);
    }

    @Test
    void exit_code_is3_for_an_unreachable_host() {
        HostReport unreachable = AuditService.failed("db01", "winrm", "connection refused");

        assertThat(unreachable.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(new AuditReport(List.of(host(Verdict.READY), unreachable), "t", "now").exitCode()).isEqualTo(3);
    }

    @Test
    void verdict_counts_count_every_verdict_including_zeroes() {
        AuditReport r = new AuditReport(List.of(host(Verdict.READY), host(Verdict.READY), host(Verdict.UNKNOWN)), "t", "n");

        assertThat(r.verdictCounts()).containsEntry(Verdict.READY, 2).containsEntry(Verdict.UNKNOWN, 1)
                .containsEntry(Verdict.NOT_READY, 0);
    }
}
