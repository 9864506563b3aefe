package io.tlsready.adapters.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.winrm.ntlm.ChannelBindings;
import io.tlsready.adapters.winrm.ntlm.NtlmCredentials;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.sim.ntlm.NtlmServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NTLM over HTTPS: no message encryption, channel bindings for the server certificate (CbtHardeningLevel Strict). */
class NtlmHttpsTransportTest {

    @Test
    void a_channel_bound_handshake_then_plain_soap_inside_tls(@TempDir Path dir) throws Exception {
        TestCerts cert = TestCerts.generate(dir, "cbt", "ip:127.0.0.1");
        byte[] cbt = ChannelBindings.forServerCertificate(cert.certificate());
        Map<Integer, NtlmServer> pending = new ConcurrentHashMap<>();
        Set<Integer> authenticated = ConcurrentHashMap.newKeySet();
        StubHttpServer.Handler handler = r -> {
            String auth = r.header("Authorization");
            if (auth != null) {
                byte[] token = Base64.getDecoder().decode(auth.substring(10));
                if (token[8] == 1) {
                    NtlmServer ntlm = NtlmServer.builder().account(NtlmCredentials.of("alice", "pw".toCharArray()))
                            .requireChannelBindings(cbt).build();
                    pending.put(r.clientPort(), ntlm);
                    return StubHttpServer.Response.of(401).header("WWW-Authenticate",
                            "Negotiate " + Base64.getEncoder().encodeToString(ntlm.challenge(token)));
                }
                if (!(pending.remove(r.clientPort()).authenticate(token) instanceof NtlmServer.Accepted)) {
                    return StubHttpServer.Response.of(401).header("WWW-Authenticate", "Negotiate");
                }
                authenticated.add(r.clientPort());
            }
            if (!authenticated.contains(r.clientPort())) {
                return StubHttpServer.Response.of(401).header("WWW-Authenticate", "Negotiate");
            }
            return StubHttpServer.Response.of(200).body("application/soap+xml;charset=UTF-8",
                    ("<s:Envelope>" + new String(r.body(), StandardCharsets.UTF_8) + "</s:Envelope>")
                            .getBytes(StandardCharsets.UTF_8));
        };
        try (WinRmTransports transports = new WinRmTransports(1);
                StubHttpServer server = new StubHttpServer(cert.serverContext(), handler)) {
            RemoteTarget target = new RemoteTarget("127.0.0.1", server.port(), RemoteTarget.Transport.HTTPS,
                    RemoteTarget.Auth.NTLM, "alice", "pw"::toCharArray, Optional.of(cert.pem()), Optional.empty(),
                    false, Duration.ofSeconds(20));
            try (WsmanTransport t = transports.open(target, WsmanOptions.defaults())) {
                assertThat(new String(t.exchange("<a/>".getBytes(StandardCharsets.UTF_8)).body(),
                        StandardCharsets.UTF_8)).isEqualTo("<s:Envelope><a/></s:Envelope>");
                assertThat(new String(t.exchange("<b/>".getBytes(StandardCharsets.UTF_8)).body(),
                        StandardCharsets.UTF_8)).isEqualTo("<s:Envelope><b/></s:Envelope>");
                assertThat(((NtlmTransport) t).handshakes()).isEqualTo(1);
            }
            // NEGOTIATE (empty body), AUTHENTICATE carrying <a/>, then <b/> without Authorization.
            assertThat(server.requests()).hasSize(3);
            assertThat(server.requests().get(2).header("Authorization")).isNull();
            assertThat(server.requests().stream().map(StubHttpServer.Request::clientPort).collect(Collectors.toSet()))
                    .hasSize(1);
        }
    }
}
