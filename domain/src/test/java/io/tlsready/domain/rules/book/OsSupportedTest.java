package io.tlsready.domain.rules.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R1: no TLS 1.2 before Server 2008 SP2, none on Vista ([S2], [S4]). */
class OsSupportedTest {

    private final OsSupported rule = new OsSupported();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "XP,           FAIL",
        "2003,         FAIL",
        "Vista,        FAIL",
        "2008SP1,      FAIL",
        "2008SP2,      PASS",
        "2008SP2-6003, PASS",
        "7RTM,         FAIL",
        "7,            PASS",
        "2008R2,       PASS",
        "8,            PASS",
        "2012,         PASS",
        "8.1,          PASS",
        "2012R2,       PASS",
        "10,           PASS",
        "2016,         PASS",
        "2019,         PASS",
        "2022,         PASS",
        "11,           PASS",
        "2025,         PASS",
    })
    void the_os_matrix_follows_rule_r1(String os, Status expected) {
        Finding f = Eval.run(rule, Hosts.windows(os));

        assertThat(f.status()).isEqualTo(expected);
        assertThat(f.remediation().isPresent()).isEqualTo(expected == Status.FAIL);
    }

    @Test
    void vista_fails_even_with_service_pack2_because_tls12_is_not_supported_there() {
        Finding f = Eval.run(rule, Hosts.windows("Vista"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).contains("Vista");
    }

    @Test
    void server2008_sp1_is_told_to_install_sp2_and_kb4019276() {
        Finding f = Eval.run(rule, Hosts.windows("2008SP1"));

        assertThat(f.remediation().orElseThrow().manualSteps()).anySatisfy(s -> assertThat(s)
                .contains("Service Pack 2").contains("KB4019276"));
    }

    @Test
    void nt60_without_product_type_is_unknown_rather_than_a_guess() {
        Finding f = Eval.run(rule, Hosts.blank().string(Hosts.CV, "CurrentVersion", "6.0")
                .string(Hosts.CV, "CurrentBuild", "6002"));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).contains("Vista").contains("2008");
    }

    @Test
    void no_os_evidence_is_unknown() {
        Finding f = Eval.run(rule, Hosts.blank());

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.evidence()).isNotEmpty();
    }

    @Test
    void evidence_names_how_the_os_was_identified() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2"));

        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.observed()).contains("6.1.7601"));
    }
}
