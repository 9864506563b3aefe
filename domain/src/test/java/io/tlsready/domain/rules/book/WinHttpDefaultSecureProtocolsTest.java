package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.WINHTTP;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R5, R16, rule book §1c: DefaultSecureProtocols bit 0x800, both views on x64. */
class WinHttpDefaultSecureProtocolsTest {

    private final WinHttpDefaultSecureProtocols rule = new WinHttpDefaultSecureProtocols();
    private static final String NATIVE_KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";
    private static final String WOW_KEY =
            "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";
    private static final String NAME = "\\DefaultSecureProtocols";

    private static Hosts both(String os, long nativeValue, long wowValue) {
        return Hosts.windows(os).x64().coverAll().dword(WINHTTP, "DefaultSecureProtocols", nativeValue)
                .dwordWow(WINHTTP, "DefaultSecureProtocols", wowValue);
    }

    @ParameterizedTest(name = "{0}: 0xA80 both -> {1}, absent -> {2}, not collected -> {3}")
    @CsvSource({
        "XP,           NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2003,         NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "Vista,        NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2008SP1,      NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2008SP2,      NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2008SP2-6003, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "7RTM,         PASS,           FAIL,           UNKNOWN",
        "7,            PASS,           FAIL,           UNKNOWN",
        "2008R2,       PASS,           FAIL,           UNKNOWN",
        "8,            PASS,           FAIL,           UNKNOWN",
        "2012,         PASS,           FAIL,           UNKNOWN",
        "8.1,          NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2012R2,       NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "10,           NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2016,         NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2019,         NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2022,         NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "11,           NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
    })
    void the_os_matrix(String os, Status ready, Status absent, Status notCollected) {
        assertThat(Eval.run(rule, both(os, 0xA80, 0xA80)).status()).as("ready").isEqualTo(ready);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().coverAll()).status()).as("absent").isEqualTo(absent);
        assertThat(Eval.run(rule, Hosts.windows(os).x64()).status()).as("not collected").isEqualTo(notCollected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"7", "2008R2", "2012"})
    void on_x64_both_views_are_checked_and_a_bit_missing_only_in_wow_fails_with_exactly_that_fix(String os) {
        Finding f = Eval.run(rule, both(os, 0xA00, 0x0A0));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("32-bit");
        assertThat(Eval.changes(f)).containsExactly(WOW_KEY + NAME + "=0x880");
        assertThat(f.evidence()).extracting(e -> e.path()).containsExactly(NATIVE_KEY, WOW_KEY);
    }

    /**
     * Rule book R16: "DefaultSecureProtocols = (existing value with the SSL 2.0/3.0 bits 0x8/0x20 cleared) OR 0x800,
     * TLS 1.0/1.1 bits kept". The OS default 0x0A0 is SSL 3.0 + TLS 1.0, so it becomes 0x880, never 0x8A0.
     */
    @Test
    void the_fix_clears_ssl_bits_keeps_tls10_and_tls11_and_adds_tls12_so_0x0a0_becomes_0x880() {
        Finding f = Eval.run(rule, both("2008R2", 0x0A0, 0xA80));

        RegistryChange c = f.remediation().orElseThrow().changes().get(0);
        assertThat(c.operation()).isEqualTo(RegistryChange.Operation.OR_BITS);
        assertThat(c.operand()).isEqualTo(0x800);
        assertThat(c.clearBits()).isEqualTo(0x28);
        assertThat(c.before()).contains(0x0A0L);
        assertThat(c.after()).isEqualTo(0x880);
        assertThat(Eval.changes(f)).containsExactly(NATIVE_KEY + NAME + "=0x880");
    }

    @ParameterizedTest(name = "0x{0} -> 0x{1}")
    @CsvSource({"0a0, 880", "008, 800", "028, 800", "2a8, a80", "200, a00", "aa8, a80", "2020, 2800"})
    void every_ssl2_and3_bit_is_cleared_and_every_tls_bit_kept(String before, String after) {
        Finding f = Eval.run(rule, both("2012", Long.parseLong(before, 16), 0xA80));

        assertThat(Eval.changes(f)).containsExactly(NATIVE_KEY + NAME + "=0x" + after);
    }

    @Test
    void an_absent_value_is_written_as0x_a80_in_both_views() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().coverAll());

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("0x0A0");
        assertThat(Eval.changes(f)).containsExactly(NATIVE_KEY + NAME + "=0xa80", WOW_KEY + NAME + "=0xa80");
    }

    @Test
    void a_wrong_type_value_fails_and_is_replaced_by0x_a80() {
        Finding f = Eval.run(rule, Hosts.windows("2012").x64().coverAll()
                .value(ValueRef.of(WINHTTP, "DefaultSecureProtocols"), RegValue.Str.of("0xA00"))
                .dwordWow(WINHTTP, "DefaultSecureProtocols", 0xA00));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("REG_DWORD");
        assertThat(Eval.changes(f)).containsExactly(NATIVE_KEY + NAME + "=0xa80");
    }

    @Test
    void on_x86_only_the_native_view_counts() {
        Finding f = Eval.run(rule, Hosts.windows("7").x86().dword(WINHTTP, "DefaultSecureProtocols", 0xA00));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("native view");
        assertThat(f.evidence()).hasSize(1);
    }

    @Test
    void on_x86_a_missing_native_bit_fails_with_only_a_native_fix() {
        Finding f = Eval.run(rule, Hosts.windows("7").x86().coverAll());

        assertThat(Eval.changes(f)).containsExactly(NATIVE_KEY + NAME + "=0xa80");
    }

    @Test
    void an_unknown_architecture_with_the_wow_view_not_collected_is_unknown() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").dword(WINHTTP, "DefaultSecureProtocols", 0xA00));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).contains("architecture");
    }

    @Test
    void an_unknown_architecture_still_fails_when_the_native_view_lacks_the_bit() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").dword(WINHTTP, "DefaultSecureProtocols", 0x0A0));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        // R16: the 32-bit view may exist and was not collected, so the plan writes it too (0xA80, as when absent).
        assertThat(Eval.changes(f)).containsExactly(NATIVE_KEY + NAME + "=0x880", WOW_KEY + NAME + "=0xa80");
    }

    @Test
    void an_unknown_architecture_with_the_wow_view_collected_checks_both_views() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").absentUnderWow(WINHTTP)
                .dword(WINHTTP, "DefaultSecureProtocols", 0xA00));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(WOW_KEY + NAME + "=0xa80");
    }

    @Test
    void the_wow_view_not_collected_on_x64_is_unknown() {
        Finding f = Eval.run(rule, Hosts.windows("2012").x64().dword(WINHTTP, "DefaultSecureProtocols", 0xA00));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void ssl_bits_next_to_tls12_are_a_warning_whose_fix_clears_only_the_ssl_bits() {
        // Rule book §1c: "Warn if 0x8 or 0x20 are set"; R16: the fix clears 0x8/0x20 and keeps TLS 1.0/1.1.
        Finding f = Eval.run(rule, both("2008R2", 0xAA8, 0xA00));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(Eval.changes(f)).containsExactly(NATIVE_KEY + NAME + "=0xa80");
    }

    @Test
    void on_x64_a_native_fail_with_the_wow_view_not_collected_writes_both_views_so_the_plan_closes() {
        // Rule book R5/§1c: the value must exist in both views on x64; R16: "a plan must close every registry-fixable
        // FAIL it was made from", so the view that was not exported is written too.
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().notCollectedUnderWow(WINHTTP).absentUnder(WINHTTP));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(NATIVE_KEY + NAME + "=0xa80", WOW_KEY + NAME + "=0xa80");
    }

    @Test
    void windows8_client_still_needs_the_bit_and_its_detail_points_at_the_upgrade() {
        // Rule book R5: "Windows 8.0 client: KB3140245 does not apply, the fix is an upgrade to 8.1".
        Finding f = Eval.run(rule, Hosts.windows("8").x64().coverAll());

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("upgrade to Windows 8.1");
    }

    @Test
    void the_config_mgr_value0x_aa0_carries_the_ssl30_bit_so_it_is_a_warning_not_a_pass() {
        // Rule book §1c bit table: 0xAA0 = 0x800 | 0x200 | 0x80 | 0x20 (SSL 3.0); "warn if 0x8 or 0x20 are set".
        Finding f = Eval.run(rule, both("2008R2", 0xAA0, 0xAA0));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.detail()).contains("0x20");
    }

    @Test
    void an_unknown_architecture_with_the_native_view_not_collected_is_unknown() {
        assertThat(Eval.run(rule, Hosts.windows("2012")).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void tls12_only_passes() {
        assertThat(Eval.run(rule, both("2008R2", 0x800, 0x800)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void an_unidentified_os_is_unknown() {
        assertThat(Eval.run(rule, Hosts.blank().x64().coverAll()).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void the_rule_asks_for_both_views() {
        assertThat(rule.needs()).containsExactlyInAnyOrder(ValueRef.of(WINHTTP, "DefaultSecureProtocols"),
                new ValueRef(WINHTTP, RegistryView.WOW64_32, "DefaultSecureProtocols"));
    }
}
