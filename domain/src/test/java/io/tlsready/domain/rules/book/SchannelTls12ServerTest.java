package io.tlsready.domain.rules.book;

import static io.tlsready.domain.testing.Hosts.TLS12_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule book §1b: the Server side matters only inbound; S1 does not require it, so it never FAILs. */
class SchannelTls12ServerTest {

    private final SchannelTls12Server rule = new SchannelTls12Server();
    private static final String SERVER = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
            + "\\Protocols\\TLS 1.2\\Server";

    @ParameterizedTest(name = "{0}: on -> {1}, Enabled=0 -> {2}, absent -> {3}, not collected -> {4}")
    @CsvSource({
        "XP,      NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2003,    NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE",
        "2008SP2, PASS, WARN, WARN, UNKNOWN",
        "7,       PASS, WARN, WARN, UNKNOWN",
        "2008R2,  PASS, WARN, WARN, UNKNOWN",
        "2012,    PASS, WARN, PASS, UNKNOWN",
        "2012R2,  PASS, WARN, PASS, UNKNOWN",
        "2016,    PASS, WARN, PASS, UNKNOWN",
        "2019,    PASS, WARN, PASS, UNKNOWN",
        "2022,    PASS, WARN, PASS, UNKNOWN",
        "11,      PASS, WARN, PASS, UNKNOWN",
    })
    void the_os_matrix(String os, Status on, Status off, Status absent, Status notCollected) {
        Hosts base = Hosts.windows(os).x64().absentUnder(Places.SCHANNEL);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_SERVER, "Enabled", 1).dword(TLS12_SERVER, "DisabledByDefault", 0)).status()).isEqualTo(on);
        assertThat(Eval.run(rule, Hosts.windows(os).x64().absentUnder(Places.SCHANNEL)
                .dword(TLS12_SERVER, "Enabled", 0)).status()).isEqualTo(off);
        assertThat(Eval.run(rule, base).status()).isEqualTo(absent);
        assertThat(Eval.run(rule, Hosts.windows(os).x64()).status()).isEqualTo(notCollected);
    }

    @Test
    void a_disabled_server_side_is_a_warning_with_an_opt_in_fix() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().absentUnder(Places.SCHANNEL));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.detail()).contains("inbound");
        assertThat(Eval.changes(f)).containsExactlyInAnyOrder(SERVER + "\\Enabled=0x1", SERVER + "\\DisabledByDefault=0x0");
    }

    @Test
    void the_client_key_does_not_satisfy_the_server_rule() {
        Finding f = Eval.run(rule, Hosts.windows("2008R2").x64().absentUnder(Places.SCHANNEL)
                .dword(Hosts.TLS12_CLIENT, "Enabled", 1).dword(Hosts.TLS12_CLIENT, "DisabledByDefault", 0));

        assertThat(f.status()).isEqualTo(Status.WARN);
    }
}
