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
    void theOsMatrix(String os, Status ready, Status disabled, Status absent, Status notCollected) {
        assertThat(Eval.run(rule, with(os, 1, 0)).status()).as("ready").isEqualTo(ready);
        assertThat(Eval.run(rule, with(os, 0, 0)).status()).as("Enabled=0").isEqualTo(disabled);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)).status()).as("absent")
                .isEqualTo(absent);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().coverAll().notCollectedUnder(Places.SCHANNEL)).status())
                .as("not collected").isEqualTo(notCollected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "7", "2008R2"})
    void absentKeysOnNt60And61FailAndTheFixWritesBothValues(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("disabled by default");
        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(CLIENT + "\\Enabled=0x1", CLIENT + "\\DisabledByDefault=0x0");
        assertThat(f.evidence()).extracting(e -> e.observed()).containsOnly("ABSENT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2012", "2012R2", "2016", "2019", "2022", "11"})
    void absentKeysOnNt62AndLaterPassByTheOsDefault(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("OS default");
        assertThat(f.remediation()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008R2", "2012R2", "2019"})
    void enabled0xFfffffffCountsAsEnabled(String os) {
        assertThat(Eval.run(rule, with(os, 0xFFFF_FFFFL, 0)).status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008R2", "2012R2", "2019"})
    void enabled0FailsAndTheFixSetsOnlyEnabledTo1(String os) {
        Finding f = Eval.run(rule, with(os, 0, 0));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(CLIENT + "\\Enabled=0x1");
        RegistryChange c = f.remediation().orElseThrow().changes().get(0);
        assertThat(c.before()).contains(0L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008R2", "2012R2", "2019"})
    void disabledByDefault1FailsAndTheFixSetsOnlyDisabledByDefaultTo0(String os) {
        Finding f = Eval.run(rule, with(os, 1, 1));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(CLIENT + "\\DisabledByDefault=0x0");
    }

    @Test
    void enabled0xFfffffffWithDisabledByDefault1KeepsTheLegacyEnabledValueAndFixesOnlyDisabledByDefault() {
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
    void aRegSzEnabledValueIsIgnoredSoTheOsDefaultDecides(String os, Status expected) {
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
    void wronglyTypedValuesAloneLeaveTheOsDefaultWarnWhereItIsOnFailWhereItIsOff(String os, Status expected) {
        // R4: both values a QWORD and a REG_SZ: SChannel ignores both, so the per-OS default of [S2] decides.
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), new RegValue.Qword(1))
                .value(ValueRef.of(TLS12_CLIENT, "DisabledByDefault"), RegValue.Str.of("0")));

        assertThat(f.status()).isEqualTo(expected);
        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(CLIENT + "\\Enabled=0x1", CLIENT + "\\DisabledByDefault=0x0");
    }

    @Test
    void aQwordEnabledValueOn2012R2IsIgnoredAndTheDefaultIsOnSoItWarns() {
        Finding f = Eval.run(rule, Hosts.windows("2012R2").x64().absentUnder(Places.SCHANNEL)
                .value(ValueRef.of(TLS12_CLIENT, "Enabled"), new RegValue.Qword(1))
                .dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.detail()).contains("REG_QWORD");
    }

    @Test
    void aRegSzDisabledByDefaultOn2008R2IsIgnoredSoTheDefaultDisabledByDefaultApplies() {
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
    void disabledByDefault0WithEnabledAbsentOnNt60And61PassesNotingThatS1AlsoSetsEnabled(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("not disabled").contains("also sets Enabled=1");
        assertThat(f.remediation()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "7", "2008R2"})
    void r3BothAbsentFailsAndEnabled0FailsEvenWithDisabledByDefault0(String os) {
        assertThat(Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)).status())
                .as("both absent").isEqualTo(Status.FAIL);
        assertThat(Eval.run(rule, with(os, 0, 0)).status()).as("Enabled=0").isEqualTo(Status.FAIL);
    }

    @Test
    void disabledByDefault0WithEnabledNotCollectedOn2008R2IsUnknown() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void enabled1WithDisabledByDefaultAbsentOn2008R2FailsBecauseTheOsDefaultIsDisabledByDefault() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "Enabled", 1));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(Eval.changes(f)).containsExactly(CLIENT + "\\DisabledByDefault=0x0");
    }

    @Test
    void enabled1WithDisabledByDefaultAbsentOn2012Passes() {
        Finding f = Eval.run(rule, Hosts.windows("2012").x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_CLIENT, "Enabled", 1));

        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void enabled1WithDisabledByDefaultNotCollectedOn2008R2IsUnknown() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().dword(TLS12_CLIENT, "Enabled", 1));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void enabled0DecidesEvenWhenDisabledByDefaultWasNotCollected() {
        Finding f = Eval.run(rule, Hosts.windows("2019").x64().dword(TLS12_CLIENT, "Enabled", 0));

        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void absentValuesOnAnUnidentifiedOsAreUnknownBecauseTheDefaultIsUnknown() {
        Finding f = Eval.run(rule, Hosts.blank().absentUnder(Places.SCHANNEL));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void explicitlyEnabledValuesPassEvenOnAnUnidentifiedOs() {
        Finding f = Eval.run(rule, Hosts.blank().dword(TLS12_CLIENT, "Enabled", 1)
                .dword(TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void theFailureRemediationAsksForARestart() {
        Finding f = Eval.run(rule, with("2008R2", 0, 1));

        assertThat(f.remediation().orElseThrow().summary()).containsIgnoringCase("restart");
        assertThat(Eval.changes(f)).hasSize(2);
    }
}
