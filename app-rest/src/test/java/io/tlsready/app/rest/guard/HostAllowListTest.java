package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Host headers a server answers: its loopback names on its own port, and the names it was given. */
class HostAllowListTest {

    private final HostAllowList loopback = new HostAllowList("127.0.0.1", List.of());

    @Test
    void loopback_names_are_allowed_on_the_bound_port_only() {
        assertThat(loopback.allows("127.0.0.1:8080", 8080, 80)).isTrue();
        assertThat(loopback.allows("localhost:8080", 8080, 80)).isTrue();
        assertThat(loopback.allows("LOCALHOST.:8080", 8080, 80)).isTrue();
        assertThat(loopback.allows("[::1]:8080", 8080, 80)).isTrue();
        assertThat(loopback.allows("localhost:8081", 8080, 80)).isFalse();
        assertThat(loopback.allows("localhost", 8080, 80)).isFalse();
        assertThat(loopback.allows("localhost", 80, 80)).isTrue();
    }

    @Test
    void a_rebinding_name_an_empty_or_a_garbled_host_is_refused() {
        assertThat(loopback.allows("evil.example:8080", 8080, 80)).isFalse();
        assertThat(loopback.allows(null, 8080, 80)).isFalse();
        assertThat(loopback.allows("", 8080, 80)).isFalse();
        assertThat(loopback.allows("::1:8080", 8080, 80)).isFalse();
        assertThat(loopback.allows("[::1:8080", 8080, 80)).isFalse();
        assertThat(loopback.allows("localhost:80x", 8080, 80)).isFalse();
        assertThat(loopback.allows("127.0.0.1@evil.example:8080", 8080, 80)).isFalse();
    }

    @Test
    void added_names_match_any_port_or_the_one_they_name() {
        HostAllowList list = new HostAllowList("0.0.0.0", List.of("api.example", "proxy.example:443"));

        assertThat(list.allows("api.example", 8080, 443)).isTrue();
        assertThat(list.allows("API.example:9999", 8080, 80)).isTrue();
        assertThat(list.allows("proxy.example", 8080, 443)).isTrue();
        assertThat(list.allows("proxy.example:8443", 8443, 443)).isFalse();
        assertThat(list.allows("0.0.0.0:8080", 8080, 80)).as("a wildcard is not a name").isFalse();
    }

    @Test
    void a_specific_listen_address_is_allowed_on_its_port() {
        HostAllowList list = new HostAllowList("192.0.2.7", List.of());

        assertThat(list.allows("192.0.2.7:8443", 8443, 443)).isTrue();
        assertThat(new HostAllowList("fe80::1", List.of()).allows("[fe80::1]:8443", 8443, 443)).isTrue();
    }

    @Test
    void a_garbled_allowed_host_is_refused_when_configured() {
        assertThatThrownBy(() -> new HostAllowList("127.0.0.1", List.of("a:b:c:d")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a:b:c:d");
    }
}
