package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.HostFacts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fleet binds many loopback addresses, answers on each, and close() frees every port and thread. */
@Timeout(120)
class FleetBindingTest {

    private static final int HOSTS = 300;

    @Test
    void three_hundred_hosts_on_their_own_addresses_then_everything_is_freed() throws IOException {
        HostFacts facts = TestFleets.facts("2019-incomplete");
        FleetPlan plan = new FleetPlan(HOSTS, "127.0.3.1", 0, HostSpec.Auth.NTLM, TestFleets.USER,
                TestFleets.PASSWORD, Duration.ZERO, 1.0, Map.of(), 7);
        List<HostSpec> specs = plan.hosts(facts);
        List<SimulatedFleet.Endpoint> endpoints;
        try (SimulatedFleet fleet = SimulatedFleet.start(specs)) {
            endpoints = fleet.endpoints();
            assertThat(endpoints).hasSize(HOSTS);
            assertThat(endpoints.stream().map(SimulatedFleet.Endpoint::address).distinct()).hasSize(HOSTS);
            assertThat(endpoints.get(HOSTS - 1).address()).isEqualTo("127.0.4.44");
            for (SimulatedFleet.Endpoint e : endpoints) {
                try (SimClient c = new SimClient(e, TestFleets.USER, TestFleets.PASSWORD, null)) {
                    assertThat(c.handshake().status()).as(e.uri()).isEqualTo(200);
                }
            }
            assertThat(fleet.counters().values()).allSatisfy(c -> assertThat(c.connections()).isEqualTo(1));
        }
        for (SimulatedFleet.Endpoint e : endpoints) {
            assertThatThrownBy(() -> new Socket(e.address(), e.port()).close()).as(e.uri())
                    .isInstanceOf(ConnectException.class);
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getByName(e.address()), e.port()));
            }
        }
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("winrm-sim-"))).as("no simulator thread left").isEmpty();
    }

    @Test
    void fault_fractions_are_seeded_disjoint_and_exact() {
        HostFacts facts = TestFleets.facts("2019-incomplete");
        FleetPlan plan = new FleetPlan(100, "127.0.5.1", 5985, HostSpec.Auth.NTLM, TestFleets.USER,
                TestFleets.PASSWORD, Duration.ofMillis(20), 0.5,
                Map.of(FaultKind.RESET, 0.1, FaultKind.STALL, 0.1, FaultKind.UNAUTHORIZED, 0.05), 42);
        List<HostSpec> a = plan.hosts(facts);
        List<HostSpec> b = plan.hosts(facts);
        assertThat(a).isEqualTo(b);
        assertThat(a.stream().filter(h -> h.has(FaultKind.RESET))).hasSize(10);
        assertThat(a.stream().filter(h -> h.has(FaultKind.STALL))).hasSize(10);
        assertThat(a.stream().filter(h -> h.has(FaultKind.UNAUTHORIZED))).hasSize(5);
        assertThat(a.stream().filter(h -> h.faults().size() > 1)).isEmpty();
        assertThat(a.stream().filter(h -> !h.latency().isZero())).hasSize(50);
        assertThat(a.stream().map(HostSpec::port).distinct()).containsExactly(5985);
        assertThat(Set.copyOf(a.stream().map(h -> h.facts().host()).toList())).hasSize(100);
    }
}
