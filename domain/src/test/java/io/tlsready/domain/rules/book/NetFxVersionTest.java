package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.NDP4_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R6, rule book §1e: Release >= 379893 (4.5.2) required, >= 394802 (4.6.2) recommended. */
class NetFxVersionTest {

    private final NetFxVersion rule = new NetFxVersion();

    private Finding release(long value) {
        return Eval.run(rule, Hosts.windows("2012R2").x64().coverAll().dword(NDP4_FULL, "Release", value));
    }

    @ParameterizedTest(name = "Release {0} -> {1}")
    @CsvSource({
        "378389, FAIL",
        "378675, FAIL",
        "379892, FAIL",
        "379893, WARN",
        "393295, WARN",
        "394254, WARN",
        "394801, WARN",
        "394802, PASS",
        "460798, PASS",
        "528040, PASS",
        "528449, PASS",
        "533509, PASS",
    })
    void the_release_boundaries_follow_r6(long release, Status expected) {
        Finding f = release(release);

        assertThat(f.status()).isEqualTo(expected);
        assertThat(f.remediation().isPresent()).isEqualTo(expected != Status.PASS);
        assertThat(f.evidence().get(0).observed()).contains(Long.toString(release));
    }

    @ParameterizedTest(name = "Release {0} is .NET {1}")
    @CsvSource({
        "378389, 4.5", "378675, 4.5.1", "379893, 4.5.2", "393297, 4.6", "394271, 4.6.1", "394806, 4.6.2",
        "460805, 4.7", "461310, 4.7.1", "461814, 4.7.2", "528372, 4.8", "533325, 4.8.1", "1000, 4.0 or older",
    })
    void release_values_are_named_with_their_dot_net_version(long release, String name) {
        assertThat(NetFxVersion.versionName(release)).isEqualTo(name);
    }

    @Test
    void a_fail_names_the_version_and_asks_for_dot_net48() {
        Finding f = release(379892);

        assertThat(f.detail()).contains("4.5.1").contains("4.5.2");
        assertThat(f.remediation().orElseThrow().updates()).singleElement()
                .satisfies(u -> assertThat(u.url()).contains("net48"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "2008R2", "2012", "2019", "11"})
    void an_absent_release_means_no_dot_net45_and_fails(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64().coverAll());

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("absent");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "2008R2", "2012", "2012R2"})
    void a_release_not_collected_is_unknown_before_windows10(String os) {
        assertThat(Eval.run(rule, Hosts.windows(os).x64()).status()).isEqualTo(Status.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2016", "2019", "2022", "11"})
    void a_release_not_collected_passes_from_windows10_1607_on_because_the_os_ships_net462_or_later(String os) {
        Finding f = Eval.run(rule, Hosts.windows(os).x64());

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("as part of the OS");
    }

    @Test
    void an_absent_release_on_windows10_still_fails_because_the_evidence_says_it_is_missing() {
        Finding f = Eval.run(rule, Hosts.windows("2019").x64().coverAll());

        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void a_release_of_the_wrong_type_fails() {
        Finding f = Eval.run(rule, Hosts.windows("2019").x64().coverAll()
                .value(ValueRef.of(NDP4_FULL, "Release"), RegValue.Str.of("528040")));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("REG_DWORD");
    }
}
