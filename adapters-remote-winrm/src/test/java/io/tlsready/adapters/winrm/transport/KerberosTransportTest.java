package io.tlsready.adapters.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import io.tlsready.domain.port.RemoteTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos without a ticket (no KDC here): fails fast with one line, before any HTTP request. Getting a real
 * service ticket, the SPNEGO token's acceptance by Windows and mutual authentication are untested.
 */
class KerberosTransportTest {

    @Test
    void withoutATicketItFailsFastWithAClearMessage(@TempDir Path dir) throws Exception {
        TestCerts cert = TestCerts.generate(dir, "kdcless", "ip:127.0.0.1");
        try (WinRmTransports transports = new WinRmTransports(1);
                StubHttpServer server = new StubHttpServer(cert.serverContext(),
                        r -> StubHttpServer.Response.of(500))) {
            RemoteTarget target = new RemoteTarget("127.0.0.1", server.port(), RemoteTarget.Transport.HTTPS,
                    RemoteTarget.Auth.KERBEROS, "alice@EXAMPLE.TEST", () -> {
                        throw new AssertionError("Kerberos must not ask for a password");
                    }, Optional.of(cert.pem()), Optional.empty(), false, Duration.ofSeconds(30));
            long start = System.nanoTime();
            WsmanTransportException e;
            try (WsmanTransport t = transports.open(target, WsmanOptions.defaults())) {
                t.exchange("<x/>".getBytes(StandardCharsets.UTF_8));
                throw new AssertionError("expected a failure");
            } catch (WsmanTransportException x) {
                e = x;
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(11_000L);
            assertThat(e.kind()).isIn(Kind.AUTHENTICATION, Kind.TIMEOUT);
            assertThat(e.getMessage()).startsWith("Kerberos: no")
                    .contains("HTTP/127.0.0.1").contains("--auth ntlm/basic").doesNotContain("\n");
            assertThat(server.requests()).isEmpty();
        }
    }
}
