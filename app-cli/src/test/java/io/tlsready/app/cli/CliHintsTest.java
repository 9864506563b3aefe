package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.winrm.transport.WinRmTransports;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import io.tlsready.domain.port.RemoteFailure;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Adapter and domain errors name remedies as hints; the CLI words them as its flags, so what a user reads on
 * stderr and in reports is exactly what it was when the adapters wrote the flags themselves.
 */
class CliHintsTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    private static RemoteTarget target(RemoteTarget.Transport transport, RemoteTarget.Auth auth) {
        return new RemoteTarget("127.0.0.1", RemoteTarget.defaultPort(transport), transport, auth, "alice",
                () -> new char[0], Optional.empty(), Optional.empty(), false, Duration.ofSeconds(5));
    }

    @Test
    void each_hint_is_worded_as_the_flags_the_cli_has() {
        assertThat(CliHints.words(new Hint.TrustCertificate(SHA))).isEqualTo("--pin-sha256 " + SHA);
        assertThat(CliHints.words(new Hint.PinnedCertificate())).isEqualTo("--pin-sha256");
        assertThat(CliHints.words(new Hint.AddCaCertificate())).isEqualTo("--ca-cert FILE");
        assertThat(CliHints.words(new Hint.CaCertificateFile("ca.pem"))).isEqualTo("--ca-cert ca.pem");
        assertThat(CliHints.words(new Hint.UseTransport(RemoteTarget.Transport.HTTPS))).isEqualTo("--transport https");
        assertThat(CliHints.words(new Hint.ChooseAuth(Optional.empty()))).isEqualTo("another --auth");
        assertThat(CliHints.words(new Hint.ChooseAuth(Optional.of(RemoteTarget.Auth.NTLM)))).isEqualTo("--auth ntlm");
        assertThat(CliHints.words(new Hint.PassHives())).isEqualTo("pass registry hives with --hives");
        assertThat(CliHints.words(new Hint.UseOfflineEvidence()))
                .isEqualTo("use --snapshot FILE… with evidence exported from the host, or --host NAME");
        assertThat(CliHints.words(new Hint.GivePassword(true)))
                .isEqualTo("set TLSREADY_PASSWORD, --password-file, or answer the prompt");
        assertThat(CliHints.words(new Hint.GivePassword(false)))
                .isEqualTo("give the password with --password-file or TLSREADY_PASSWORD");
    }

    @Test
    void the_certificate_advice_reads_as_before_in_cli_words() {
        HintedText selfSigned = HintedText.of("… then trust it with ", new Hint.TrustCertificate(SHA), " (or ",
                new Hint.AddCaCertificate(), " holding it)");
        assertThat(selfSigned.in(CliHints.WORDS))
                .isEqualTo("… then trust it with --pin-sha256 " + SHA + " (or --ca-cert FILE holding it)");
        HintedText kerberos = HintedText.of("Kerberos: no ticket in C (run kinit u@R, or ", new Hint.GivePassword(false),
                ")");
        assertThat(kerberos.in(CliHints.WORDS)).isEqualTo("Kerberos: no ticket in C (run kinit u@R, or give the"
                + " password with --password-file or TLSREADY_PASSWORD)");
    }

    @Test
    void the_adapters_basic_over_http_refusal_names_the_flags_only_in_cli_words() {
        try (WinRmTransports transports = new WinRmTransports(1)) {
            RemoteTarget plain = target(RemoteTarget.Transport.HTTP, RemoteTarget.Auth.BASIC);
            assertThatThrownBy(() -> transports.open(plain, WsmanOptions.defaults()))
                    .isInstanceOfSatisfying(WsmanTransportException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain("--");
                        assertThat(e.hinted().in(CliHints.WORDS)).isEqualTo("127.0.0.1:5985: Basic over http would"
                                + " send the password in clear text; use --transport https, or --auth ntlm (encrypted"
                                + " over HTTP)");
                    });
            assertThat(transports.started()).isFalse();
        }
    }

    @Test
    void the_cli_refuses_with_the_domains_reason_in_the_words_of_an_inventory() {
        RemoteTarget.Refusal r = RemoteTarget.refusal(RemoteTarget.Transport.HTTP, RemoteTarget.Auth.BASIC)
                .orElseThrow();
        assertThat(CliHints.refusal(r))
                .isEqualTo("Basic over http would send the password in clear text; use https, or ntlm (encrypted)");
    }

    @Test
    void a_hinted_remote_failure_reaches_the_fleet_in_cli_words_and_stays_as_transient_as_it_was() {
        RemoteHosts failing = t -> new FactsSource() {
            @Override
            public String describe() {
                return "fake " + t.label();
            }

            @Override
            public HostFacts collect(FactsRequest request) {
                throw new RemoteFailure(t.label(), HintedText.of("no password for user alice (",
                        new Hint.GivePassword(true), ")"), true, null);
            }
        };
        FactsSource source = CliHints.worded(failing).open(target(RemoteTarget.Transport.HTTPS,
                RemoteTarget.Auth.NTLM));
        assertThat(source.describe()).isEqualTo("fake 127.0.0.1:5986");
        assertThatThrownBy(() -> source.collect(null)).isInstanceOfSatisfying(RemoteFailure.class, e -> {
            assertThat(e.problem()).isEqualTo("no password for user alice (set TLSREADY_PASSWORD, --password-file,"
                    + " or answer the prompt)");
            assertThat(e.transientFailure()).isTrue();
        });
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void the_live_audit_elsewhere_than_windows_names_the_cli_flags_on_stderr_as_before() {
        Cli.Result r = Cli.run("audit");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("tlsready: this machine: live registry audit needs Windows (this is ")
                .endsWith("); use --snapshot FILE… with evidence exported from the host, or --host NAME"
                        + System.lineSeparator());
    }
}
