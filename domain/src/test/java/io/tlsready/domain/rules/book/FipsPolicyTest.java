package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.FIPS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R9: FIPS Enabled=1 is a WARN ([S6]); its effect on MARS is unconfirmed, so never a FAIL. */
class FipsPolicyTest {

    private final FipsPolicy rule = new FipsPolicy();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "2008R2", "2012R2", "2019", "11"})
    void the_os_matrix_on_off_absent_not_collected(String os) {
        assertThat(Eval.run(rule, Hosts.windows(os).coverAll().dword(FIPS, "Enabled", 1)).status()).isEqualTo(Status.WARN);
        assertThat(Eval.run(rule, Hosts.windows(os).coverAll().dword(FIPS, "Enabled", 0)).status()).isEqualTo(Status.PASS);
        assertThat(Eval.run(rule, Hosts.windows(os).coverAll()).status()).isEqualTo(Status.PASS);
        assertThat(Eval.run(rule, Hosts.windows(os)).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void fips_on_warns_that_schannel_may_fall_back_to_tls10() {
        Finding f = Eval.run(rule, Hosts.windows("2019").coverAll().dword(FIPS, "Enabled", 1));

        assertThat(f.detail()).contains("TLS 1.0");
        assertThat(f.remediation().orElseThrow().changes()).isEmpty();
        assertThat(f.evidence().get(0).path()).isEqualTo("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy");
    }
}
