package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.app.rest.RestMain.Options;
import org.junit.jupiter.api.Test;

/** The command line of RestMain: defaults, forms, and the loopback-only rule. */
class RestMainTest {

    @Test
    void defaults_to_loopback_8080() {
        Options o = Options.parse();

        assertThat(o.listen()).isEqualTo(new ListenAddress("127.0.0.1", 8080));
        assertThat(o.allowRemote()).isFalse();
        assertThat(o.maxRequestBytes()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void listen_takes_host_port_in_both_forms_and_ipv6_in_brackets() {
        assertThat(Options.parse("--listen", "127.0.0.1:9090").listen()).isEqualTo(new ListenAddress("127.0.0.1", 9090));
        assertThat(Options.parse("--listen=localhost:0").listen()).isEqualTo(new ListenAddress("localhost", 0));
        assertThat(Options.parse("--listen", "[::1]:8443").listen()).isEqualTo(new ListenAddress("::1", 8443));
        assertThat(Options.parse("--max-request-bytes", "1024").maxRequestBytes()).isEqualTo(1024);
    }

    @Test
    void refuses_the_wildcard_address_without_allow_remote_and_says_why() {
        assertThatThrownBy(() -> Options.parse("--listen", "0.0.0.0:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0")
                .hasMessageContaining("no authentication and no TLS")
                .hasMessageContaining("--allow-remote");
        assertThatThrownBy(() -> Options.parse("--listen", "[::]:8080"))
                .hasMessageContaining("--allow-remote");
    }

    @Test
    void allow_remote_permits_the_wildcard_address() {
        Options o = Options.parse("--listen", "0.0.0.0:8080", "--allow-remote");

        assertThat(o.listen().host()).isEqualTo("0.0.0.0");
        assertThat(o.allowRemote()).isTrue();
    }

    @Test
    void usage_errors_name_the_problem() {
        assertThatThrownBy(() -> Options.parse("--listen")).hasMessageContaining("--listen needs a value");
        assertThatThrownBy(() -> Options.parse("--port", "1")).hasMessageContaining("unknown option '--port'");
        assertThatThrownBy(() -> Options.parse("--listen", "localhost")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> Options.parse("--listen", "::1:80")).hasMessageContaining("brackets");
    }

    @Test
    void the_parsed_options_build_a_server_that_starts() {
        try (TlsReadyServer server = Options.parse("--listen", "127.0.0.1:0").server()) {
            assertThat(server.start().getHost()).isEqualTo("127.0.0.1");
        }
    }
}
