package io.tlsready.adapters.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.port.RemoteTarget;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The domain's {@link FailureCause} classifier against the texts this transport really writes (the ones that end up
 * in an unreachable host's report): a closed loopback port, a name that cannot resolve ({@code .invalid}, RFC
 * 2606), an untrusted certificate, refused credentials, a forbidden account, an HTTP error page, a stalled host.
 */
class FailureCauseOfRealFailuresTest {

    private static final String SECRET = "Cause-S3cret-19";
    private static final byte[] SOAP = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    private static TestCerts cert;
    private static WinRmTransports transports;
    private StubHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        cert = TestCerts.generate(dir, "loopback", "ip:127.0.0.1,dns:localhost");
        transports = new WinRmTransports(2);
    }

    @AfterAll
    static void stop() {
        transports.close();
    }

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static RemoteTarget https(String host, int port, boolean insecure, Duration timeout) {
        return new RemoteTarget(host, port, RemoteTarget.Transport.HTTPS, RemoteTarget.Auth.BASIC, "alice",
                SECRET::toCharArray, Optional.empty(), Optional.empty(), insecure, timeout);
    }

    private static FailureCause causeOf(RemoteTarget target) {
        try (WsmanTransport t = transports.open(target, WsmanOptions.defaults())) {
            t.exchange(SOAP);
        } catch (WsmanTransportException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET);
            return FailureCause.classify(target.host(), e.getMessage());
        }
        throw new AssertionError("expected " + target.label() + " to fail");
    }

    private int serve(StubHttpServer.Response response) throws Exception {
        server = new StubHttpServer(cert.serverContext(), r -> response);
        return server.port();
    }

    @Test
    void a_closed_port_is_refused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(causeOf(https("127.0.0.1", port, true, Duration.ofSeconds(20)))).isEqualTo(FailureCause.REFUSED);
    }

    @Test
    void a_name_that_does_not_resolve_is_dns() {
        assertThat(causeOf(https("no-such-host.invalid", 5986, true, Duration.ofSeconds(20))))
                .isEqualTo(FailureCause.DNS);
    }

    @Test
    void an_untrusted_certificate_is_tls() throws Exception {
        int port = serve(StubHttpServer.Response.of(200).body("application/soap+xml", SOAP));
        assertThat(causeOf(https("127.0.0.1", port, false, Duration.ofSeconds(20)))).isEqualTo(FailureCause.TLS);
    }

    @Test
    void refused_credentials_and_a_forbidden_account_are_auth() throws Exception {
        int port = serve(StubHttpServer.Response.of(401).header("WWW-Authenticate", "Basic realm=\"WSMAN\""));
        assertThat(causeOf(https("127.0.0.1", port, true, Duration.ofSeconds(20)))).isEqualTo(FailureCause.AUTH);
        server.close();
        port = serve(StubHttpServer.Response.of(403));
        assertThat(causeOf(https("127.0.0.1", port, true, Duration.ofSeconds(20)))).isEqualTo(FailureCause.AUTH);
    }

    @Test
    void an_error_page_instead_of_soap_is_protocol() throws Exception {
        int port = serve(StubHttpServer.Response.of(503).body("text/html",
                "<html>busy</html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(causeOf(https("127.0.0.1", port, true, Duration.ofSeconds(20)))).isEqualTo(FailureCause.PROTOCOL);
    }

    @Test
    void a_stalled_host_is_a_timeout() throws Exception {
        StubHttpServer.Response stall = new StubHttpServer.Response();
        stall.stall = true;
        int port = serve(stall);
        assertThat(causeOf(https("127.0.0.1", port, true, Duration.ofMillis(1500)))).isEqualTo(FailureCause.TIMEOUT);
    }
}
