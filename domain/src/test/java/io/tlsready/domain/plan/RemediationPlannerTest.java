package io.tlsready.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** R16: only what is missing is written, each value once; updates named, never downloaded. */
class RemediationPlannerTest {

    private static final AuditService SERVICE = new AuditService(RuleBook.standard());

    static HostReport bare2008R2() {
        return SERVICE.evaluate(Hosts.windows("2008R2").named("fs01").x64().coverAll().updates("KB5000001").build());
    }

    private static Set<String> describe(List<RegistryChange> changes) {
        return changes.stream().map(c -> c.ref().physicalKey() + "\\" + c.ref().name() + "=" + Long.toHexString(c.after()))
                .collect(Collectors.toSet());
    }

    private static Set<ValueRef> changesOf(HostReport r, Status... statuses) {
        Set<Status> wanted = Set.of(statuses);
        return r.findings().stream().filter(f -> wanted.contains(f.status()))
                .flatMap(f -> f.remediation().stream()).flatMap(rem -> rem.changes().stream())
                .map(RegistryChange::ref).collect(Collectors.toSet());
    }

    @Test
    void the_plan_fixes_exactly_the_fails_of_an_unconfigured2008_r2() {
        HostReport r = bare2008R2();

        Plan plan = RemediationPlanner.plan(r, false);

        String client = Places.TLS12_CLIENT;
        String wow = "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft";
        assertThat(describe(plan.changes())).containsExactlyInAnyOrder(
                client + "\\Enabled=1", client + "\\DisabledByDefault=0",
                Places.WINHTTP + "\\DefaultSecureProtocols=a80",
                wow + "\\Windows\\CurrentVersion\\Internet Settings\\WinHttp\\DefaultSecureProtocols=a80",
                Places.NETFX4 + "\\SchUseStrongCrypto=1", Places.NETFX4 + "\\SystemDefaultTlsVersions=1",
                wow + "\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto=1",
                wow + "\\.NETFramework\\v4.0.30319\\SystemDefaultTlsVersions=1");
        assertThat(plan.changes()).extracting(RegistryChange::ref).containsExactlyInAnyOrderElementsOf(
                changesOf(r, Status.FAIL));
        assertThat(plan.updates()).extracting(UpdateRequirement::kb)
                .containsExactlyInAnyOrder("KB3140245", ".NET Framework 4.8");
        assertThat(plan.manualSteps()).anySatisfy(s -> assertThat(s).contains("Restart").contains("obengine"));
        assertThat(plan.host()).isEqualTo("fs01");
    }

    @Test
    void warnings_are_left_out_unless_asked_for() {
        HostReport r = bare2008R2();

        Plan without = RemediationPlanner.plan(r, false);
        Plan with = RemediationPlanner.plan(r, true);

        assertThat(without.changes()).noneMatch(c -> c.ref().key().equalsIgnoreCase(Places.TLS12_SERVER));
        assertThat(with.changes()).extracting(RegistryChange::ref).containsExactlyInAnyOrderElementsOf(
                changesOf(r, Status.FAIL, Status.WARN));
        assertThat(describe(with.changes())).contains(Places.TLS12_SERVER + "\\Enabled=1",
                Places.TLS12_SERVER + "\\DisabledByDefault=0");
    }

    @Test
    void a_ready_host_gets_an_empty_plan() {
        HostReport r = SERVICE.evaluate(Hosts.ready("2019").build());

        assertThat(r.verdict()).isEqualTo(Verdict.READY);
        assertThat(RemediationPlanner.plan(r, true).isEmpty()).isTrue();
    }

    @Test
    void the_same_value_from_two_findings_is_written_once_and_the_same_kb_listed_once() {
        ValueRef ref = ValueRef.of(Places.TLS12_CLIENT, "Enabled");
        UpdateRequirement kb = new UpdateRequirement("KB3140245", "t", "https://support.microsoft.com/help/3140245", "c");
        Remediation rem = new Remediation("fix", List.of(RegistryChange.set(ref, 1, Optional.of(0L), "r")), List.of(kb),
                List.of("step"));
        Finding a = new Finding(RuleId.SCHANNEL_TLS12_CLIENT, Status.FAIL, "a", "", List.of(), Optional.of(rem), List.of());
        Finding b = new Finding(RuleId.SCHANNEL_TLS12_SERVER, Status.FAIL, "b", "", List.of(), Optional.of(rem), List.of());
        HostReport r = new HostReport("h", "s", AuditService.failed("h", "s", "e").os(), Verdict.NOT_READY, List.of(a, b),
                List.of(), List.of(), Optional.empty());

        Plan plan = RemediationPlanner.plan(r, false);

        assertThat(plan.changes()).hasSize(1);
        assertThat(plan.updates()).hasSize(1);
        assertThat(plan.manualSteps()).filteredOn("step"::equals).hasSize(1);
    }

    @Test
    void a_value_spelled_in_another_case_is_the_same_value() {
        ValueRef lower = ValueRef.of(Places.TLS12_CLIENT.toLowerCase(), "enabled");
        ValueRef upper = ValueRef.of(Places.TLS12_CLIENT, "Enabled");
        Finding a = new Finding(RuleId.SCHANNEL_TLS12_CLIENT, Status.FAIL, "a", "", List.of(),
                Optional.of(Remediation.registry("x", List.of(RegistryChange.set(lower, 1, Optional.empty(), "r")))), List.of());
        Finding b = new Finding(RuleId.SCHANNEL_TLS12_CLIENT, Status.FAIL, "b", "", List.of(),
                Optional.of(Remediation.registry("x", List.of(RegistryChange.set(upper, 1, Optional.empty(), "r")))), List.of());
        HostReport r = new HostReport("h", "s", AuditService.failed("h", "s", "e").os(), Verdict.NOT_READY, List.of(a, b),
                List.of(), List.of(), Optional.empty());

        assertThat(RemediationPlanner.plan(r, false).changes()).hasSize(1);
    }

    @Test
    void a_win_http_value_keeps_its_tls_bits_loses_its_ssl_bits_and_gains_tls12() {
        // Issue 8 / R16: 0xA0 must not become 0x8A0 (SSL 3.0 kept, then WARNed about); it becomes 0x880.
        HostReport r = SERVICE.evaluate(Hosts.ready("2008R2").dword(Places.WINHTTP, "DefaultSecureProtocols", 0x0A0).build());

        Plan plan = RemediationPlanner.plan(r, false);

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo(RegistryChange.Operation.OR_BITS);
            assertThat(c.after()).isEqualTo(0x880);
        });
    }

    @Test
    void the_plan_is_in_a_stable_order() {
        Plan plan = RemediationPlanner.plan(bare2008R2(), true);

        List<String> keys = plan.changes().stream().map(c -> c.ref().physicalKey().toLowerCase() + "\\"
                + c.ref().name().toLowerCase()).toList();
        assertThat(keys).isSorted();
    }
}
