package io.tlsready.adapters.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.RemoteTarget;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic over HTTPS against a loopback TLS stub: trust, pinning, status mapping, timeouts, size caps. */
class HttpsBasicTransportTest {

    static final String SECRET = "S3cr3t-P@ss-7f1e";
    static final String SOAP = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>";

    @TempDir
    static Path dir;
    static TestCerts loopbackCert;
    static TestCerts otherNameCert;
    static WinRmTransports transports;
    static final List<String> messages = new ArrayList<>();
    StubHttpServer server;

    @BeforeAll
    static void certificates() throws Exception {
        loopbackCert = TestCerts.generate(dir, "loopback", "ip:127.0.0.1,dns:localhost");
        otherNameCert = TestCerts.generate(dir, "elsewhere", "dns:elsewhere.example");
        transports = new WinRmTransports(2);
    }

    @AfterAll
    static void noSecretInAnyMessage() {
        transports.close();
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(("alice:" + SECRET).getBytes(StandardCharsets.UTF_8))));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static RemoteTarget target(int port, Optional<Path> ca, Optional<String> pin, boolean insecure, Duration timeout) {
        return new RemoteTarget("127.0.0.1", port, RemoteTarget.Transport.HTTPS, RemoteTarget.Auth.BASIC, "alice",
                SECRET::toCharArray, ca, pin, insecure, timeout);
    }

    static RemoteTarget target(int port, Optional<Path> ca, Optional<String> pin, boolean insecure) {
        return target(port, ca, pin, insecure, Duration.ofSeconds(20));
    }

    void soapServer(TestCerts cert) throws Exception {
        server = new StubHttpServer(cert.serverContext(), r -> StubHttpServer.Response.of(200)
                .body("application/soap+xml;charset=UTF-8", SOAP.getBytes(StandardCharsets.UTF_8)));
    }

    static WsmanTransportException failure(RemoteTarget target) {
        return failure(target, WsmanOptions.defaults());
    }

    static WsmanTransportException failure(RemoteTarget target, WsmanOptions options) {
        try (WsmanTransport t = transports.open(target, options)) {
            t.exchange(SOAP.getBytes(StandardCharsets.UTF_8));
        } catch (WsmanTransportException e) {
            messages.add(e.getMessage());
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    static WsmanTransport.Reply exchange(RemoteTarget target) {
        try (WsmanTransport t = transports.open(target, WsmanOptions.defaults())) {
            assertThat(t.toString()).doesNotContain(SECRET);
            return t.exchange(SOAP.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void self_signed_certificate_is_rejected_by_default_and_the_message_names_its_sha256() throws Exception {
        soapServer(loopbackCert);
        WsmanTransportException e = failure(target(server.port(), Optional.empty(), Optional.empty(), false));
        assertThat(e.kind()).isEqualTo(Kind.TLS);
        assertThat(e.kind().transientFailure()).isFalse();
        assertThat(e.getMessage()).contains("certificate for host 127.0.0.1 is self-signed")
                .contains("trust it with a pin on SHA-256 " + loopbackCert.sha256()).doesNotContain("--");
        assertThat(e.hinted().hints()).contains(new Hint.TrustCertificate(loopbackCert.sha256()));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void ca_cert_bundle_makes_it_trusted_and_basic_rides_on_every_request() throws Exception {
        soapServer(loopbackCert);
        WsmanTransport.Reply reply;
        try (WsmanTransport t = transports.open(target(server.port(), Optional.of(loopbackCert.pem()),
                Optional.empty(), false), WsmanOptions.defaults())) {
            t.exchange(SOAP.getBytes(StandardCharsets.UTF_8));
            reply = t.exchange(SOAP.getBytes(StandardCharsets.UTF_8));
            assertThat(t.endpoint()).isEqualTo("https://127.0.0.1:" + server.port() + "/wsman");
        }
        assertThat(reply.status()).isEqualTo(200);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(SOAP);
        String expected = "Basic " + Base64.getEncoder().encodeToString(("alice:" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEqualTo(expected);
            assertThat(r.header("Content-Type")).isEqualTo("application/soap+xml;charset=UTF-8");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(SOAP);
        });
        assertThat(server.requests().get(1).clientPort()).isEqualTo(server.requests().get(0).clientPort());
    }

    @Test
    void ca_cert_still_checks_the_host_name() throws Exception {
        soapServer(otherNameCert);
        WsmanTransportException e = failure(target(server.port(), Optional.of(otherNameCert.pem()), Optional.empty(),
                false));
        assertThat(e.kind()).isEqualTo(Kind.TLS);
        assertThat(e.getMessage()).contains("certificate for host 127.0.0.1 does not match that name")
                .contains("elsewhere.example").doesNotContain(otherNameCert.sha256()).doesNotContain("pin");
        assertThat(e.hinted().hints()).noneMatch(h -> h instanceof Hint.TrustCertificate);
    }

    @Test
    void right_pin_is_accepted_even_when_the_name_does_not_match() throws Exception {
        soapServer(otherNameCert);
        assertThat(exchange(target(server.port(), Optional.empty(), Optional.of(otherNameCert.sha256().toUpperCase()),
                false)).status()).isEqualTo(200);
    }

    @Test
    void wrong_pin_is_rejected_naming_the_presented_certificate() throws Exception {
        soapServer(loopbackCert);
        WsmanTransportException e = failure(target(server.port(), Optional.empty(), Optional.of("00".repeat(32)),
                false));
        assertThat(e.kind()).isEqualTo(Kind.TLS);
        assertThat(e.getMessage()).contains("does not match the pinned SHA-256").contains(loopbackCert.sha256());
        assertThat(e.hinted().hints()).containsExactly(new Hint.PinnedCertificate());
    }

    @Test
    void malformed_pin_is_refused_before_connecting() {
        WsmanTransportException e = failure(target(1, Optional.empty(), Optional.of("abc"), false));
        assertThat(e.kind()).isEqualTo(Kind.TLS);
        assertThat(e.getMessage()).contains("64 hex digits");
    }

    @Test
    void insecure_skip_verify_accepts_anything() throws Exception {
        soapServer(otherNameCert);
        assertThat(exchange(target(server.port(), Optional.empty(), Optional.empty(), true)).status()).isEqualTo(200);
    }

    @Test
    void unauthorized_names_the_offered_schemes() throws Exception {
        server = new StubHttpServer(loopbackCert.serverContext(), r -> StubHttpServer.Response.of(401)
                .header("WWW-Authenticate", "Negotiate"));
        WsmanTransportException e = failure(target(server.port(), Optional.empty(), Optional.empty(), true));
        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("401").contains("Basic authentication is not enabled")
                .contains("offers Negotiate");
    }

    @Test
    void unauthorized_with_basic_offered_means_wrong_credentials() throws Exception {
        server = new StubHttpServer(loopbackCert.serverContext(), r -> StubHttpServer.Response.of(401)
                .header("WWW-Authenticate", "Basic realm=\"WSMAN\""));
        WsmanTransportException e = failure(target(server.port(), Optional.empty(), Optional.empty(), true));
        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("user name or password is wrong").contains("offers Basic");
    }

    @Test
    void forbidden_and_server_errors_without_soap() throws Exception {
        server = new StubHttpServer(loopbackCert.serverContext(), r -> StubHttpServer.Response.of(403));
        assertThat(failure(target(server.port(), Optional.empty(), Optional.empty(), true)).getMessage())
                .contains("403");
        server.close();
        server = new StubHttpServer(loopbackCert.serverContext(), r -> StubHttpServer.Response.of(503)
                .body("text/html", "<html>busy</html>".getBytes(StandardCharsets.UTF_8)));
        WsmanTransportException e = failure(target(server.port(), Optional.empty(), Optional.empty(), true));
        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.getMessage()).contains("HTTP 503");
    }

    @Test
    void soap_faults_pass_through_as_replies() throws Exception {
        server = new StubHttpServer(loopbackCert.serverContext(), r -> StubHttpServer.Response.of(500)
                .body("application/soap+xml;charset=UTF-8", SOAP.getBytes(StandardCharsets.UTF_8)));
        assertThat(exchange(target(server.port(), Optional.empty(), Optional.empty(), true)).status()).isEqualTo(500);
    }

    @Test
    void closed_port_is_refused_and_transient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WsmanTransportException e = failure(target(port, Optional.empty(), Optional.empty(), true));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.kind().transientFailure()).isTrue();
        assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("connection refused");
    }

    @Test
    void stalled_host_times_out_within_the_deadline() throws Exception {
        server = new StubHttpServer(loopbackCert.serverContext(), r -> {
            StubHttpServer.Response stall = new StubHttpServer.Response();
            stall.stall = true;
            return stall;
        });
        long start = System.nanoTime();
        WsmanTransportException e = failure(target(server.port(), Optional.empty(), Optional.empty(), true,
                Duration.ofMillis(1500)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.kind().transientFailure()).isTrue();
        assertThat(e.getMessage()).contains("deadline");
        // Not early; the upper bound only tells the deadline from a hang (a busy machine may be slow to fire it).
        assertThat(millis).isBetween(1400L, 15_000L);
    }

    @Test
    void oversized_reply_is_refused() throws Exception {
        byte[] huge = new byte[200_000];
        java.util.Arrays.fill(huge, (byte) 'x');
        server = new StubHttpServer(loopbackCert.serverContext(), r -> StubHttpServer.Response.of(200)
                .body("application/soap+xml;charset=UTF-8", huge));
        WsmanTransportException e = failure(target(server.port(), Optional.empty(), Optional.empty(), true),
                WsmanOptions.defaults().withMaxEnvelopeSize(8192));
        assertThat(e.kind()).isEqualTo(Kind.OVERSIZED);
    }

    @Test
    void basic_over_plain_http_is_refused() {
        RemoteTarget plain = new RemoteTarget("127.0.0.1", 5985, RemoteTarget.Transport.HTTP, RemoteTarget.Auth.BASIC,
                "alice", SECRET::toCharArray, Optional.empty(), Optional.empty(), false, Duration.ofSeconds(5));
        assertThatThrownBy(() -> transports.open(plain, WsmanOptions.defaults()))
                .isInstanceOf(WsmanTransportException.class).hasMessageContaining("clear text");
    }
}
