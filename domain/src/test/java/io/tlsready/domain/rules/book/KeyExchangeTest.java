package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.KEX_DH;
import static io.tlsready.domain.testing.Hosts.KEX_ECDH;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R10: Diffie-Hellman and ECDH both disabled = FAIL ([S12]). */
class KeyExchangeTest {

    private final KeyExchange rule = new KeyExchange();
    private static final String ECDH = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
            + "\\KeyExchangeAlgorithms\\ECDH";

    private Finding kex(String os, Long dh, Long ecdh) {
        Hosts h = Hosts.windows(os).coverAll();
        if (dh != null) {
            h.dword(KEX_DH, "Enabled", dh);
        }
        if (ecdh != null) {
            h.dword(KEX_ECDH, "Enabled", ecdh);
        }
        return Eval.run(rule, h);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "2008R2", "2012R2", "2016", "2022"})
    void the_os_matrix(String os) {
        assertThat(kex(os, 0L, 0L).status()).as("both off").isEqualTo(Status.FAIL);
        assertThat(kex(os, null, null).status()).as("absent").isEqualTo(Status.PASS);
        assertThat(kex(os, 0L, null).status()).as("DH off").isEqualTo(Status.PASS);
        assertThat(kex(os, null, 0L).status()).as("ECDH off").isEqualTo(Status.WARN);
        assertThat(Eval.run(rule, Hosts.windows(os)).status()).as("not collected").isEqualTo(Status.UNKNOWN);
    }

    @Test
    void both_off_fails_and_the_fix_re_enables_ecdh_only() {
        Finding f = kex("2019", 0L, 0L);

        assertThat(Eval.changes(f)).containsExactly(ECDH + "\\Enabled=0x1");
    }

    @Test
    void non_zero_enabled_counts_as_on() {
        assertThat(kex("2019", 0L, 0xFFFF_FFFFL).status()).isEqualTo(Status.PASS);
    }

    @Test
    void dh_off_and_ecdh_not_collected_is_unknown() {
        Finding f = Eval.run(rule, Hosts.windows("2019").dword(KEX_DH, "Enabled", 0));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }
}
