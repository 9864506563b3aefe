package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a fleet plan hands out write faults: every host for an unqualified one, disjoint slices for a fraction. */
class WriteFaultPlanTest {

    @Test
    void unqualified_write_faults_go_to_every_host_and_fractions_take_disjoint_slices() {
        WriteFault schannel = WriteFault.writeDenied("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control");
        WriteFault policies = WriteFault.writeDenied("hklm\\SOFTWARE\\Policies");
        WriteFault drop = WriteFault.dropAfter(1);
        FleetPlan plan = new FleetPlan(8, "127.0.4.1", 0, HostSpec.Auth.NTLM, TestFleets.USER, TestFleets.PASSWORD,
                Duration.ZERO, 1.0, Map.of(FaultKind.RESET, 0.25), 7, Map.of(schannel, 1.0, policies, 1.0,
                        drop, 0.5));
        List<HostSpec> hosts = plan.hosts(TestFleets.facts("2008r2-ready"));

        assertThat(hosts).allSatisfy(h -> assertThat(h.writeFaults()).contains(schannel, policies));
        assertThat(hosts.stream().filter(h -> h.writeFaults().contains(drop))).hasSize(4)
                .allSatisfy(h -> assertThat(h.faults()).isEmpty());
        assertThat(hosts.stream().filter(h -> h.has(FaultKind.RESET))).hasSize(2);
        assertThat(schannel.key()).isEqualTo("HKLM\\SYSTEM\\CurrentControlSet\\Control");
        assertThat(drop.label()).isEqualTo("drop-after:1");
        assertThat(plan.hosts(TestFleets.facts("2008r2-ready"))).isEqualTo(hosts);
    }
}
