package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.NDP35;
import static io.tlsready.domain.testing.Hosts.NETFX2;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R7 second half: v2.0.50727 when .NET 3.5 is installed is a WARN, never a FAIL. */
class NetFx35StrongCryptoTest {

    private final NetFx35StrongCrypto rule = new NetFx35StrongCrypto();
    private static final String WOW = "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727";

    private static Hosts installed(String os) {
        return Hosts.windows(os).x64().coverAll().dword(NDP35, "Install", 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2008SP2", "2008R2", "2012", "2016", "2022"})
    void the_os_matrix_ready_missing_not_installed_and_not_collected(String os) {
        Hosts ready = installed(os);
        for (RegistryView v : RegistryView.values()) {
            ready.dword(v, NETFX2, "SchUseStrongCrypto", 1).dword(v, NETFX2, "SystemDefaultTlsVersions", 1);
        }
        assertThat(Eval.run(rule, ready).status()).as("ready").isEqualTo(Status.PASS);
        assertThat(Eval.run(rule, installed(os)).status()).as("missing").isEqualTo(Status.WARN);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().coverAll()).status()).as("not installed")
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(Eval.run(rule, Hosts.windows(os).x64()).status()).as("not collected").isEqualTo(Status.UNKNOWN);
    }

    @Test
    void missing_values_are_a_warning_with_a_fix_for_both_views() {
        Finding f = Eval.run(rule, installed("2008R2"));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.detail()).contains("TLS 1.0");
        assertThat(Eval.changes(f)).hasSize(4).contains(WOW + "\\SchUseStrongCrypto=0x1");
    }

    @Test
    void install0_means_not_installed() {
        Finding f = Eval.run(rule, Hosts.windows("2019").x64().coverAll().dword(NDP35, "Install", 0));

        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void installed_but_values_not_collected_is_unknown() {
        Finding f = Eval.run(rule, Hosts.windows("2019").x64().dword(NDP35, "Install", 1));

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
    }
}
