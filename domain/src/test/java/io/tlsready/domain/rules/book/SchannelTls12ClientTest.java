package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.TLS12_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R3/R4, rule book §1b: SChannel TLS 1.2 Client, absent = per-OS default. */
class SchannelTls12ClientTest {

    private final SchannelTls12Client rule = new SchannelTls12Client();
    private static final String CLIENT = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
            + "\\Protocols\\TLS 1.2\\Client";

    private static Hosts with(String os, long enabled, long disabledByDefault) {
        return Hosts.windows(os).x64().absentUnder(Places.SCHANNEL).dword(TLS12_CLIENT, "Enabled", enabled)
                .dword(TLS12_CLIENT, "DisabledByDefault", disabledByDefault);
    }

    @ParameterizedTest(name = "{0}: explicit on={1}, Enabled=0 -> {2}, absent -> {3}, not collected -> {4}")
    @CsvSource({
        "Vista,        PASS, FAIL, FAIL, UNKNOWN",
        "2008SP1,      PASS, FAIL, FAIL, UNKNOWN",
        "2008SP2,      PASS, FAIL, FAIL, UNKNOWN",
        "2008SP2-6003, PASS, FAIL, FAIL, UNKNOWN",
        "7RTM,         PASS, FAIL, FAIL, UNKNOWN",
        "7,            PASS, FAIL, FAIL, UNKNOWN",
        "2008R2,       PASS, FAIL, FAIL, UNKNOWN",
        "8,            PASS, FAIL, PASS, UNKNOWN",
        "2012,         PASS, FAIL, PASS, UNKNOWN",
        "8.1,          PASS, FAIL, PASS, UNKNOWN",
        "2012R2,       PASS, FAIL, PASS, UNKNOWN",
        "10,           PASS, FAIL, PASS, UNKNOWN",
        "2016,         PASS, FAIL, PASS, UNKNOWN",
        "2019,         PASS, FAIL, PASS, UNKNOWN",
        "2022,         PASS, FAIL, PASS, UNKNOWN",
        "11,           PASS, FAIL, PASS, UNKNOWN",
        "2025,         PASS, FAIL, PASS, UNKNOWN",
        "XP,           NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2003,         NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
    })
    void the_os_matrix(String os, Status ready, Status disabled, Status absent, Status notCollected) {
        assertThat(Eval.run(rule, with(os, 1, 0)).status()).as("ready").isEqualTo(ready);
        assertThat(Eval.run(rule, with(os, 0, 0)).status()).as("Enabled=0").isEqualTo(disabled);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)).status()).as("absent")
                .isEqualTo(absent);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().coverAll().notCollectedUnder(Places.SCHANNEL)).status())
                .as("not collected").isEqualTo(notCollected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "7", "2008R2"})
    void absent_keys_on_nt60_and61_fail_and_the_fix_writes_both_values(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("disabled by default");
        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(CLIENT + "\\Enabled=0x1", CLIENT + "\\DisabledByDefault=0x0");
        assertThat(f.evidence()).extracting(e -> e.observed()).containsOnly("ABSENT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2012", "2012R2", "2016", "2019", "2022", "11"})
    void absent_keys_on_nt62_and_later_pass_by_the_os_default(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("OS default");
        assertThat(f.remediation()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008R2", "2012R2", "2019"})
    void enabled0x_ffffffff_counts_as_enabled(String os) {
        assertThat(Eval.run(rule, with(os, 0xFFFF_FFFFL, 0)).status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008R2", "2012R2", "2019"})
    void enabled0_fails_and_the_fix_sets_only_enabled_to1(String os) {
        Finding f = Eval.run(rule, with(os, 0, 0));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(CLIENT + "\\Enabled=0x1");
        RegistryChange c = f.remediation().orElseThrow().changes().get(0);
        assertThat(c.before()).contains(0L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008R2", "2012R2", "2019"})
    void disabled_by_default1_fails_and_the_fix_sets_only_disabled_by_default_to0(String os) {
        Finding f = Eval.run(rule, with(os, 1, 1));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(CLIENT + "\\DisabledByDefault=0x0");
    }

    @Test
    void enabled0x_ffffffff_with_disabled_by_default1_keeps_the_legacy_enabled_value_and_fixes_only_disabled_by_default() {
        Finding f = Eval.run(rule, with("2008R2", 0xFFFF_FFFFL, 1));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(CLIENT + "\\DisabledByDefault=0x0");
    }

    /**
     * Rule book R4: "A value of the wrong type (REG_SZ, QWORD) is ignored by SChannel, so the OS default applies: WARN
     * (fix the type) where that default is on, FAIL where it is off (6.0/6.1)". With DisabledByDefault=0 next to it on
     * 6.1, R3 applies to what is left ("Enabled absent means not disabled"), so TLS 1.2 is on: WARN.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2008SP2, WARN", "2008R2, WARN", "2012, WARN", "2012R2, WARN", "2022, WARN"})
    void a_reg_sz_enabled_value_is_ignored_so_the_os_default_decides(String os, Status expected) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), RegValue.Str.of("1"))
                .dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(expected);
        assertThat(f.detail()).contains("REG_SZ, not a REG_DWORD");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.observed()).contains("REG_SZ"));
        RegistryChange c = f.remediation().orElseThrow().changes().get(0);
        assertThat(Eval.describe(c)).isEqualTo(CLIENT + "\\Enabled=0x1");
        assertThat(c.before()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2008SP2, FAIL", "7, FAIL", "2008R2, FAIL", "8, WARN", "2012, WARN", "2012R2, WARN", "2016, WARN",
        "2019, WARN", "2022, WARN", "11, WARN", "2025, WARN"})
    void wrongly_typed_values_alone_leave_the_os_default_warn_where_it_is_on_fail_where_it_is_off(String os, Status expected) {
        // R4: both values a QWORD and a REG_SZ: SChannel ignores both, so the per-OS default of [S2] decides.
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), new RegValue.Qword(1))
                .value(ValueRef.of(TLS12_CLIENT, "DisabledByDefault"), RegValue.Str.of("0")));

        assertThat(f.status()).isEqualTo(expected);
        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(CLIENT + "\\Enabled=0x1", CLIENT + "\\DisabledByDefault=0x0");
    }

    @Test
    void a_qword_enabled_value_on2012_r2_is_ignored_and_the_default_is_on_so_it_warns() {
        Finding f = Eval.run(rule, Hosts.windows("2012R2").x64().absentUnder(Places.SCHANNEL)
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), new RegValue.Qword(1))
                .dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.detail()).contains("REG_QWORD");
    }

    @Test
    void a_reg_sz_disabled_by_default_on2008_r2_is_ignored_so_the_default_disabled_by_default_applies() {
        // R4 "FAIL where it is off (6.0/6.1)"; R3: "DisabledByDefault must be 0".
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "Enabled", 1)
                .value(ValueRef.of(TLS12_CLIENT, "DisabledByDefault"), RegValue.Str.of("0")));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(CLIENT + "\\DisabledByDefault=0x0");
    }

    /**
     * Rule book R3: "OS 6.0 or 6.1: TLS 1.2\Client DisabledByDefault must be 0. Enabled absent means 'not disabled'
     * (SChannel's default for a supported protocol; Microsoft's azure-devops-tls12 checker treats it so): PASS with a
     * note that S1 also sets Enabled=1. Both absent = OS default = FAIL. Enabled=0 = FAIL".
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "2008SP2-6003", "7", "2008R2"})
    void disabled_by_default0_with_enabled_absent_on_nt60_and61_passes_noting_that_s1_also_sets_enabled(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("not disabled").contains("also sets Enabled=1");
        assertThat(f.remediation()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "7", "2008R2"})
    void r3_both_absent_fails_and_enabled0_fails_even_with_disabled_by_default0(String os) {
        assertThat(Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)).status())
                .as("both absent").isEqualTo(Status.FAIL);
        assertThat(Eval.run(rule, with(os, 0, 0)).status()).as("Enabled=0").isEqualTo(Status.FAIL);
    }

    @Test
    void disabled_by_default0_with_enabled_not_collected_on2008_r2_is_unknown() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void enabled1_with_disabled_by_default_absent_on2008_r2_fails_because_the_os_default_is_disabled_by_default() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "Enabled", 1));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(CLIENT + "\\DisabledByDefault=0x0");
    }

    @Test
    void enabled1_with_disabled_by_default_absent_on2012_passes() {
        Finding f = Eval.run(rule, Hosts.windows("2012").x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "Enabled", 1));

        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void enabled1_with_disabled_by_default_not_collected_on2008_r2_is_unknown() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().dword(TLS12_CLIENT, "Enabled", 1));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void enabled0_decides_even_when_disabled_by_default_was_not_collected() {
        Finding f = Eval.run(rule, Hosts.windows("2019").x64().dword(TLS12_CLIENT, "Enabled", 0));

        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void absent_values_on_an_unidentified_os_are_unknown_because_the_default_is_unknown() {
        Finding f = Eval.run(rule, Hosts.blank().absentUnder(Places.SCHANNEL));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void explicitly_enabled_values_pass_even_on_an_unidentified_os() {
        Finding f = Eval.run(rule, Hosts.blank().dword(TLS12_CLIENT, "Enabled", 1)
                .dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void the_failure_remediation_asks_for_a_restart() {
        Finding f = Eval.run(rule, with("2008R2", 0, 1));

        assertThat(f.remediation().orElseThrow().summary()).containsIgnoringCase("restart");
        assertThat(Eval.changes(f)).hasSize(2);
    }
}
