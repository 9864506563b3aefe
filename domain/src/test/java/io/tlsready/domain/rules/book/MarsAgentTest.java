package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.CV;
import static io.tlsready.domain.testing.Hosts.MARS_SETUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R13, R14, G10: MARS version minimums, 64-bit only, no Server Core. */
class MarsAgentTest {

    private final MarsAgent rule = new MarsAgent();

    private static Hosts installed(String os) {
        return Hosts.windows(os).x64().coverAll()
                .string(MARS_SETUP, "InstallPath", "C:\\Program Files\\Microsoft Azure Recovery Services Agent\\");
    }

    @ParameterizedTest(name = "version {0} -> {1}")
    @CsvSource({
        "2.0.8000.0,  FAIL",
        "2.0.9082.99, FAIL",
        "2.0.9083.0,  WARN",
        "2.0.9248.0,  WARN",
        "2.0.9249.0,  PASS",
        "2.0.10000.0, PASS",
        "2.1.0.0,     PASS",
    })
    void versions_are_compared_numerically_against_the_minimums(String version, Status expected) {
        Finding f = Eval.run(rule, installed("2019").string(MARS_SETUP, "CurrentVersion", version));

        assertThat(f.status()).isEqualTo(expected);
        assertThat(f.remediation().isPresent()).isEqualTo(expected != Status.PASS);
    }

    @Test
    void not_installed_is_not_applicable() {
        assertThat(Eval.run(rule, Hosts.windows("2019").x64().coverAll()).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void not_collected_is_unknown() {
        assertThat(Eval.run(rule, Hosts.windows("2019").x64()).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_x86_host_fails_because_mars_is64_bit_only() {
        Finding f = Eval.run(rule, Hosts.windows("7").x86().coverAll().string(MARS_SETUP, "InstallPath", "C:\\MARS")
                .string(MARS_SETUP, "CurrentVersion", "2.0.9249.0"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("64-bit");
    }

    @Test
    void server_core_fails_because_mars_does_not_support_it() {
        Finding f = Eval.run(rule, installed("2019").string(CV, "InstallationType", "Server Core")
                .string(MARS_SETUP, "CurrentVersion", "2.0.9249.0"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("Server Core");
    }

    @Test
    void an_installed_agent_without_version_evidence_is_info_pointing_at_cbengine() {
        Finding f = Eval.run(rule, installed("2019"));

        assertThat(f.status()).isEqualTo(Status.INFO);
        assertThat(f.detail()).contains("cbengine.exe");
    }
}
