package io.tlsready.adapters.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.RemoteTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos without a ticket and without a password: fails fast with one line naming the empty cache, before any
 * HTTP request, over either transport. (Against a real KDC: winrm-simulator's KerberosSealerIT and
 * KerberosSimulatorIT, app-cli's KerberosErrorsIT and RemoteEqualsOfflineIT.)
 */
class KerberosTransportTest {

    @Test
    void without_a_ticket_it_fails_fast_naming_the_cache(@TempDir Path dir) throws Exception {
        TestCerts cert = TestCerts.generate(dir, "kdcless", "ip:127.0.0.1");
        Path krb5 = Files.writeString(dir.resolve("krb5.conf"), "[libdefaults]\n default_realm = EXAMPLE.TEST\n"
                + "[realms]\n EXAMPLE.TEST = {\n  kdc = 127.0.0.1:1\n }\n");
        Path cache = dir.resolve("no-ccache");
        KerberosLogin.Settings settings = KerberosLogin.Settings.from(Map.of("KRB5_CONFIG", krb5.toString(),
                "KRB5CCNAME", "FILE:" + cache)::get);
        for (RemoteTarget.Transport transport : RemoteTarget.Transport.values()) {
            boolean https = transport == RemoteTarget.Transport.HTTPS;
            try (WinRmTransports transports = new WinRmTransports(1, settings);
                    StubHttpServer server = new StubHttpServer(https ? cert.serverContext() : null,
                            r -> StubHttpServer.Response.of(500))) {
                RemoteTarget target = new RemoteTarget("127.0.0.1", server.port(), transport,
                        RemoteTarget.Auth.KERBEROS, "alice@EXAMPLE.TEST", () -> new char[0], Optional.of(cert.pem()),
                        Optional.empty(), false, Duration.ofSeconds(30));
                long start = System.nanoTime();
                WsmanTransportException e;
                try (WsmanTransport t = transports.open(target, WsmanOptions.defaults())) {
                    t.exchange("<x/>".getBytes(StandardCharsets.UTF_8));
                    throw new AssertionError("expected a failure");
                } catch (WsmanTransportException x) {
                    e = x;
                }
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(11_000L);
                assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + server.port() + ": Kerberos: no ticket in "
                        + cache + " (run kinit alice@EXAMPLE.TEST, or give the password)");
                assertThat(e.hinted().hints()).containsExactly(new Hint.GivePassword(false));
                assertThat(server.requests()).isEmpty();
            }
        }
    }
}
