package io.tlsready.adapters.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.ntlm.NtlmCredentials;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.sim.ntlm.NtlmServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NTLM with WinRM message encryption over plain HTTP against a stub that does the real server side (the
 * simulator's NtlmServer and the adapter's WinRmEncryption), with one NTLM context per TCP connection as Windows
 * has. It lives in winrm-simulator for that server, in the adapter's transport package for its package-private
 * transports and stub (adapter test-jar).
 */
class NtlmHttpTransportTest {

    static final String SECRET = "Ntlm-S3cret-91c4";
    static WinRmTransports transports;

    StubHttpServer server;
    final Map<Integer, NtlmServer> pending = new ConcurrentHashMap<>();
    final Map<Integer, WinRmEncryption> contexts = new ConcurrentHashMap<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<Integer> handshakePorts = new CopyOnWriteArrayList<>();
    final List<Integer> requestPorts = new CopyOnWriteArrayList<>();
    /** Encrypted requests after which the server answers and closes the connection (0: never). */
    volatile int dropAfter;
    volatile boolean unencryptedReplies;

    @BeforeAll
    static void start() {
        transports = new WinRmTransports(1);
    }

    @AfterAll
    static void stopAll() {
        transports.close();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    void startServer() throws Exception {
        server = new StubHttpServer(null, this::handle);
    }

    private StubHttpServer.Response handle(StubHttpServer.Request r) {
        String auth = r.header("Authorization");
        int port = r.clientPort();
        if (auth != null && auth.startsWith("Negotiate ")) {
            assertThat(r.body()).isEmpty();
            byte[] token = Base64.getDecoder().decode(auth.substring(10));
            handshakePorts.add(port);
            if (token[8] == 1) {
                NtlmServer ntlm = NtlmServer.builder()
                        .account(NtlmCredentials.of("alice", SECRET.toCharArray())).build();
                pending.put(port, ntlm);
                return StubHttpServer.Response.of(401).header("WWW-Authenticate",
                        "Negotiate " + Base64.getEncoder().encodeToString(ntlm.challenge(token)));
            }
            NtlmServer.Result result = pending.remove(port).authenticate(token);
            if (result instanceof NtlmServer.Accepted) {
                contexts.put(port, new WinRmEncryption(((NtlmServer.Accepted) result).session()));
                return StubHttpServer.Response.of(200);
            }
            return StubHttpServer.Response.of(401).header("WWW-Authenticate", "Negotiate");
        }
        WinRmEncryption enc = contexts.get(port);
        if (enc == null || !r.header("Content-Type").startsWith("multipart/encrypted")) {
            // A new connection without a context, as Windows answers it.
            return StubHttpServer.Response.of(401).header("WWW-Authenticate", "Negotiate");
        }
        requestPorts.add(port);
        String soap = new String(enc.unwrap(r.body()), StandardCharsets.UTF_8);
        received.add(soap);
        byte[] reply = ("<s:Envelope><s:Body>echo " + soap + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
        StubHttpServer.Response response = unencryptedReplies
                ? StubHttpServer.Response.of(200).body("application/soap+xml;charset=UTF-8", reply)
                : StubHttpServer.Response.of(200).body(WinRmEncryption.CONTENT_TYPE, enc.wrap(reply));
        if (dropAfter > 0 && requestPorts.size() % dropAfter == 0) {
            contexts.remove(port);
            response.close = true;
        }
        return response;
    }

    RemoteTarget target(String password) {
        return new RemoteTarget("127.0.0.1", server.port(), RemoteTarget.Transport.HTTP, RemoteTarget.Auth.NTLM,
                "alice", password::toCharArray, Optional.empty(), Optional.empty(), false, Duration.ofSeconds(20));
    }

    static String text(WsmanTransport.Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void the_handshake_and_the_encrypted_requests_all_use_one_connection() throws Exception {
        startServer();
        try (WsmanTransport t = transports.open(target(SECRET), WsmanOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                WsmanTransport.Reply reply = t.exchange(("<req n='" + i + "'/>").getBytes(StandardCharsets.UTF_8));
                assertThat(reply.status()).isEqualTo(200);
                assertThat(text(reply)).contains("echo <req n='" + i + "'/>");
            }
            assertThat(((NtlmTransport) t).handshakes()).isEqualTo(1);
        }
        assertThat(handshakePorts).hasSize(2);
        assertThat(requestPorts).hasSize(5);
        assertThat(server.requests().stream().map(StubHttpServer.Request::clientPort).collect(Collectors.toSet()))
                .as("one TCP connection for handshake and requests").hasSize(1);
        assertThat(server.requests().subList(2, 7)).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isNull();
            assertThat(r.header("Content-Type")).isEqualTo(WinRmEncryption.CONTENT_TYPE);
            assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).doesNotContain("<req");
        });
    }

    @Test
    void a_dropped_connection_means_one_new_handshake_and_one_resend() throws Exception {
        dropAfter = 2;
        startServer();
        try (WsmanTransport t = transports.open(target(SECRET), WsmanOptions.defaults())) {
            for (int i = 0; i < 3; i++) {
                assertThat(text(t.exchange(("<req n='" + i + "'/>").getBytes(StandardCharsets.UTF_8))))
                        .contains("echo <req n='" + i + "'/>");
            }
            assertThat(((NtlmTransport) t).handshakes()).isEqualTo(2);
        }
        assertThat(received).containsExactly("<req n='0'/>", "<req n='1'/>", "<req n='2'/>");
        assertThat(requestPorts.get(2)).isNotEqualTo(requestPorts.get(0));
    }

    @Test
    void a_wrong_password_is_an_authentication_failure_without_the_secret() throws Exception {
        startServer();
        String wrong = "Wr0ng-" + SECRET;
        WsmanTransportException e;
        try (WsmanTransport t = transports.open(target(wrong), WsmanOptions.defaults())) {
            t.exchange("<req/>".getBytes(StandardCharsets.UTF_8));
            throw new AssertionError("expected a failure");
        } catch (WsmanTransportException x) {
            e = x;
        }
        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.kind().transientFailure()).isFalse();
        assertThat(e.getMessage()).contains("401").contains("NTLM credentials rejected for user alice")
                .doesNotContain(wrong).doesNotContain(SECRET);
        assertThat(received).isEmpty();
    }

    @Test
    void a_plaintext_reply_over_http_is_refused() throws Exception {
        unencryptedReplies = true;
        startServer();
        try (WsmanTransport t = transports.open(target(SECRET), WsmanOptions.defaults())) {
            t.exchange("<req/>".getBytes(StandardCharsets.UTF_8));
            throw new AssertionError("expected a failure");
        } catch (WsmanTransportException e) {
            assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(e.getMessage()).contains("without WinRM message encryption");
        }
    }
}
