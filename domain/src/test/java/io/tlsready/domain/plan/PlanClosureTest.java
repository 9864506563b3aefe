package io.tlsready.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import io.tlsready.domain.testing.PlanClosure;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rule book R16: "A plan must close every registry-fixable FAIL it was made from." Rule tests check this for every
 * state they build (Eval); this test adds a seeded sweep over every OS preset, architecture and mix of the values
 * plans write (absent, wrong, wrongly typed, not collected, in either view).
 */
class PlanClosureTest {

    private static final AuditService AUDIT = new AuditService(RuleBook.standard());

    private static final List<ValueRef> WRITTEN = List.of(
            ValueRef.of(Places.TLS12_CLIENT, "Enabled"), ValueRef.of(Places.TLS12_CLIENT, "DisabledByDefault"),
            ValueRef.of(Places.TLS12_SERVER, "Enabled"), ValueRef.of(Places.TLS12_SERVER, "DisabledByDefault"),
            ValueRef.of(Places.WINHTTP, "DefaultSecureProtocols"), ValueRef.wow32(Places.WINHTTP, "DefaultSecureProtocols"),
            ValueRef.of(Places.NETFX4, "SchUseStrongCrypto"), ValueRef.wow32(Places.NETFX4, "SchUseStrongCrypto"),
            ValueRef.of(Places.NETFX4, "SystemDefaultTlsVersions"), ValueRef.wow32(Places.NETFX4, "SystemDefaultTlsVersions"),
            ValueRef.of(Places.NETFX2, "SchUseStrongCrypto"), ValueRef.wow32(Places.NETFX2, "SystemDefaultTlsVersions"),
            ValueRef.of(Places.KEX_DH, "Enabled"), ValueRef.of(Places.KEX_ECDH, "Enabled"));

    private static final long[] DWORDS = {0, 1, 0xFFFF_FFFFL, 0x0A0, 0xA00, 0xAA8, 0x28, 0x2000, 2};

    @Test
    void every_sampled_state_is_closed_by_its_plan() {
        Random random = new Random(8);
        int fails = 0;
        for (int i = 0; i < 2000; i++) {
            String os = Hosts.ALL_OS.get(random.nextInt(Hosts.ALL_OS.size()));
            Hosts h = (random.nextInt(10) == 0 ? Hosts.blank() : Hosts.windows(os)).coverAll().dword(Places.NDP4_FULL, "Release", 528040).updates("KB3140245");
            switch (random.nextInt(3)) {
                case 0 -> h.x64();
                case 1 -> h.x86();
                default -> { }
            }
            HostFacts facts = h.build();
            java.util.Map<ValueRef, Fact<RegValue>> values = new java.util.LinkedHashMap<>(facts.values());
            for (ValueRef ref : WRITTEN) {
                switch (random.nextInt(5)) {
                    case 0 -> values.put(ref, Fact.absent("sweep"));
                    case 1 -> values.remove(ref);
                    case 2 -> values.put(ref, Fact.present(RegValue.Str.of("1"), "sweep"));
                    default -> values.put(ref, Fact.present(new RegValue.Dword(DWORDS[random.nextInt(DWORDS.length)]),
                            "sweep"));
                }
            }
            HostFacts state = facts.withValues(values);
            if (AUDIT.evaluate(state).findings().stream().anyMatch(f -> f.status() == Status.FAIL)) {
                fails++;
            }
            PlanClosure.assertCloses(state);
        }
        assertThat(fails).as("the sweep must exercise failing hosts").isGreaterThan(500);
    }

    @Test
    void a_bare2008_r2x64_with_only_the_updates_missing_predicts_not_ready_and_otherwise_ready() {
        HostFacts facts = Hosts.windows("2008R2").x64().coverAll().dword(Places.NDP4_FULL, "Release", 528040)
                .updates("KB3140245").build();
        Plan plan = RemediationPlanner.plan(AUDIT.evaluate(facts), false);

        HostReport predicted = PlanPrediction.predict(AUDIT, facts, plan);

        assertThat(AUDIT.evaluate(facts).verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(predicted.verdict()).isEqualTo(Verdict.READY);
        assertThat(PlanPrediction.apply(facts, plan).value(ValueRef.wow32(Places.WINHTTP, "DefaultSecureProtocols")))
                .isEqualTo(Fact.present(new RegValue.Dword(0xA80), PlanPrediction.ORIGIN));
    }

    @Test
    void a_bare_windows8_predicts_not_ready_because_only_the_upgrade_to81_helps() {
        HostFacts facts = Hosts.windows("8").x64().coverAll().dword(Places.NDP4_FULL, "Release", 528040)
                .updates("KB5000001").build();
        Plan plan = RemediationPlanner.plan(AUDIT.evaluate(facts), false);

        HostReport predicted = PlanPrediction.predict(AUDIT, facts, plan);

        assertThat(predicted.verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(predicted.findings()).filteredOn(f -> f.status() == Status.FAIL).extracting(f -> f.rule().name())
                .containsExactly("OS_TLS12_UPDATE");
        assertThat(plan.manualSteps()).anySatisfy(s -> assertThat(s).contains("Upgrade to Windows 8.1"));
        assertThat(RegistryView.values()).hasSize(2);
    }
}
