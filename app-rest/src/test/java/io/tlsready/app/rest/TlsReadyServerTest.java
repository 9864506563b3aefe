package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The embeddable API: start, serve, stop, release the port; loopback unless told otherwise. */
class TlsReadyServerTest {

    @Test
    void starts_serves_and_stops_releasing_the_port() throws IOException {
        TlsReadyServer server = TlsReadyServer.builder().storage(new TestingStorage()).port(0).build();
        assertThat(server.isRunning()).isFalse();

        URI uri = server.start();
        int port = server.port();
        HttpResponse<String> r = new RestClient(uri).get("/healthz");
        server.stop();

        assertThat(uri).isEqualTo(URI.create("http://127.0.0.1:" + port + "/"));
        assertThat(port).isPositive();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(server.isRunning()).isFalse();
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.isBound()).isTrue();
        }
    }

    @Test
    void binds_127_0_0_1_by_default_and_nothing_else() throws IOException {
        try (TlsReadyServer server = TlsReadyServer.builder().storage(new TestingStorage()).build()) {
            URI uri = server.start();

            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            // the port is taken on loopback only: a non-loopback address of this machine, if any, is still free
            InetAddress other = nonLoopbackAddress();
            if (other != null) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(other, server.port()));
                    assertThat(s.isBound()).isTrue();
                }
            }
        }
    }

    @Test
    void can_be_started_again_after_stop_and_close_is_stop() {
        TlsReadyServer server = TlsReadyServer.builder().storage(new TestingStorage()).port(0).build();
        server.start();
        server.stop();

        URI again = server.start();
        assertThat(new RestClient(again).get("/healthz").statusCode()).isEqualTo(200);
        server.close();

        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void starting_twice_is_refused() {
        try (TlsReadyServer server = TlsReadyServer.builder().storage(new TestingStorage()).port(0).build()) {
            server.start();

            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        }
    }

    @Test
    void a_port_in_use_fails_start_and_leaves_the_server_stopped() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             TlsReadyServer server = TlsReadyServer.builder().storage(new TestingStorage()).port(taken.getLocalPort()).build()) {
            assertThatThrownBy(server::start).isInstanceOf(RuntimeException.class);
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void the_wildcard_address_is_refused_without_tls_or_insecure_http_and_says_why() {
        assertThatThrownBy(() -> TlsReadyServer.builder().storage(new TestingStorage()).host("0.0.0.0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0")
                .hasMessageContaining("without TLS")
                .hasMessageContaining("tls(cert, key)")
                .hasMessageContaining("insecureHttp(true)");
    }

    @Test
    void the_wildcard_address_is_allowed_with_insecure_http() {
        try (TlsReadyServer server = TlsReadyServer.builder().storage(new TestingStorage()).host("0.0.0.0").port(0)
                .insecureHttp(true).build()) {
            URI uri = server.start();

            assertThat(new RestClient(URI.create("http://127.0.0.1:" + uri.getPort() + "/")).get("/healthz")
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void localhost_counts_as_loopback() {
        try (TlsReadyServer server = TlsReadyServer.builder().storage(new TestingStorage()).host("localhost").port(0).build()) {
            assertThat(server.start().getHost()).isEqualTo("localhost");
        }
    }

    @Test
    void a_server_without_storage_is_refused_at_build() {
        assertThatThrownBy(() -> TlsReadyServer.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no storage");
    }

    @Test
    void bad_settings_fail_at_build() {
        assertThatThrownBy(() -> TlsReadyServer.builder().storage(new TestingStorage()).port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> TlsReadyServer.builder().storage(new TestingStorage()).maxRequestBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRequestBytes");
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a instanceof Inet4Address)
                .findFirst().orElse(null);
    }
}
