package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.NETFX4;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R7, rule book §1e, [S1]: both values =1 under v4.0.30319 in both views on x64. */
class NetFx4StrongCryptoTest {

    private final NetFx4StrongCrypto rule = new NetFx4StrongCrypto();
    private static final String NATIVE = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
    private static final String WOW = "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319";

    private static Hosts allOne(Hosts h) {
        for (RegistryView v : RegistryView.values()) {
            h.dword(v, NETFX4, "SchUseStrongCrypto", 1).dword(v, NETFX4, "SystemDefaultTlsVersions", 1);
        }
        return h;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "7", "2008R2", "2012", "2012R2", "10", "2016", "2019", "2022", "11"})
    void the_os_matrix_ready_broken_absent_and_not_collected(String os) {
        assertThat(Eval.run(rule, allOne(Hosts.windows(os).x64().coverAll())).status()).as("ready")
                .isEqualTo(Status.PASS);
        assertThat(Eval.run(rule, allOne(Hosts.windows(os).x64().coverAll()).dword(NETFX4, "SchUseStrongCrypto", 0))
                .status()).as("broken").isEqualTo(Status.FAIL);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().coverAll()).status()).as("absent").isEqualTo(Status.FAIL);
        assertThat(Eval.run(rule, Hosts.windows(os).x64()).status()).as("not collected").isEqualTo(Status.UNKNOWN);
    }

    @Test
    void strong_crypto_missing_only_in_the_wow_view_fails_with_exactly_that_change() {
        Finding f = Eval.run(rule, allOne(Hosts.windows("2019").x64().coverAll()).unset(NETFX4, "SchUseStrongCrypto")
                .dword(NETFX4, "SchUseStrongCrypto", 1));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("32-bit SchUseStrongCrypto is absent");
        assertThat(Eval.changes(f)).containsExactly(WOW + "\\SchUseStrongCrypto=0x1");
    }

    @Test
    void every_absent_value_is_fixed_in_both_views() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().coverAll());

        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(NATIVE + "\\SchUseStrongCrypto=0x1",
                NATIVE + "\\SystemDefaultTlsVersions=0x1", WOW + "\\SchUseStrongCrypto=0x1",
                WOW + "\\SystemDefaultTlsVersions=0x1");
        assertThat(f.remediation().orElseThrow().summary()).contains("obengine");
    }

    @Test
    void a_value_of2_is_not1_and_fails() {
        Finding f = Eval.run(rule, allOne(Hosts.windows("2019").x64().coverAll())
                .dword(NETFX4, "SystemDefaultTlsVersions", 2));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(NATIVE + "\\SystemDefaultTlsVersions=0x1");
    }

    @Test
    void a_reg_sz_one_is_the_wrong_type_and_fails() {
        Finding f = Eval.run(rule, allOne(Hosts.windows("2019").x64().coverAll())
                .value(ValueRef.of(NETFX4, "SchUseStrongCrypto"), RegValue.Str.of("1")));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("not a REG_DWORD");
    }

    @Test
    void on_x86_only_the_native_view_is_required() {
        Finding f = Eval.run(rule, Hosts.windows("7").x86().dword(NETFX4, "SchUseStrongCrypto", 1)
                .dword(NETFX4, "SystemDefaultTlsVersions", 1));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.evidence()).hasSize(2);
    }

    @Test
    void an_unknown_architecture_with_the_wow_view_not_collected_is_unknown() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").dword(NETFX4, "SchUseStrongCrypto", 1)
                .dword(NETFX4, "SystemDefaultTlsVersions", 1));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).contains("architecture unknown");
    }

    @Test
    void an_unknown_architecture_with_the_wow_view_collected_is_judged_on_both_views() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").absentUnderWow(NETFX4)
                .dword(NETFX4, "SchUseStrongCrypto", 1).dword(NETFX4, "SystemDefaultTlsVersions", 1));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(WOW + "\\SchUseStrongCrypto=0x1",
                WOW + "\\SystemDefaultTlsVersions=0x1");
    }

    @Test
    void a_known_problem_in_the_native_view_fails_even_when_the_wow_view_was_not_collected() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().absentUnder(NETFX4).notCollectedUnderWow(NETFX4));

        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void the_rule_asks_for_both_values_in_both_views() {
        assertThat(rule.needs()).hasSize(4).contains(new ValueRef(NETFX4, RegistryView.WOW64_32, "SchUseStrongCrypto"));
    }

    /**
     * Rule book R16: ".NET values in both views on x64 even where the 32-bit view was not collected (setting 1 is
     * idempotent)"; issue 8: a plan that writes only the 64-bit view leaves the re-audit UNKNOWN.
     */
    @Test
    void on_x64_with_the_wow_view_not_exported_the_fix_writes_both_views() {
        Finding f = Eval.run(rule, Hosts.windows("2012R2").x64().absentUnder(NETFX4).notCollectedUnderWow(NETFX4));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(NATIVE + "\\SchUseStrongCrypto=0x1",
                NATIVE + "\\SystemDefaultTlsVersions=0x1", WOW + "\\SchUseStrongCrypto=0x1",
                WOW + "\\SystemDefaultTlsVersions=0x1");
    }

    @Test
    void on_x86_only_the_native_view_is_written() {
        Finding f = Eval.run(rule, Hosts.windows("2012R2").x86().absentUnder(NETFX4).notCollectedUnderWow(NETFX4));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(NATIVE + "\\SchUseStrongCrypto=0x1",
                NATIVE + "\\SystemDefaultTlsVersions=0x1");
    }
}
