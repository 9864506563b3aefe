package io.tlsready.domain.fix;

import static io.tlsready.domain.fix.FixServiceTest.APPLY;
import static io.tlsready.domain.fix.FixServiceTest.fix;
import static io.tlsready.domain.fix.FixServiceTest.unconfigured;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.testing.InMemoryHost;
import io.tlsready.domain.testing.InMemoryJournals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A fleet is fixed in stages: canaries first, then the rest until too many hosts have failed. */
class FleetFixTest {

    private final InMemoryJournals journals = new InMemoryJournals();

    private List<InMemoryHost> fleet(int n) {
        List<InMemoryHost> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hosts.add(InMemoryHost.of(unconfigured()));
        }
        return hosts;
    }

    private List<Supplier<HostFix>> tasks(List<InMemoryHost> hosts) {
        return hosts.stream().<Supplier<HostFix>>map(h -> () -> fix(h, journals, APPLY)).toList();
    }

    @Test
    void every_host_is_fixed_when_the_canaries_hold() {
        List<InMemoryHost> hosts = fleet(6);
        AtomicInteger heard = new AtomicInteger();

        FleetFix.Outcome outcome = new FleetFix(new FleetFix.Settings(3, 2, 1)).run(tasks(hosts),
                (i, f) -> heard.incrementAndGet(), () -> false);

        assertThat(outcome.stop()).isEqualTo(FleetFix.Stop.NONE);
        assertThat(outcome.hosts()).allSatisfy(h -> assertThat(h).hasValueSatisfying(
                f -> assertThat(f.verifiedReadyOrManual()).isTrue()));
        assertThat(heard.get()).isEqualTo(6);
    }

    @Test
    void a_canary_that_does_not_verify_stops_the_fleet_before_anyone_else_is_touched() {
        List<InMemoryHost> hosts = fleet(5);
        hosts.set(1, InMemoryHost.of(unconfigured()).denyWritesUnder(FixServiceTest.keyOfTheLastWrite()));
        List<List<String>> pristine = hosts.stream().map(InMemoryHost::dump).toList();

        FleetFix.Outcome outcome = new FleetFix(new FleetFix.Settings(4, 2, 0)).run(tasks(hosts), (i, f) -> { },
                () -> false);

        assertThat(outcome.stop()).isEqualTo(FleetFix.Stop.CANARY_FAILED);
        assertThat(outcome.hosts().subList(2, 5)).allSatisfy(h -> assertThat(h).isEmpty());
        for (int i = 2; i < 5; i++) {
            assertThat(hosts.get(i).dump()).as("host %d untouched", i).isEqualTo(pristine.get(i));
            assertThat(hosts.get(i).collects()).isZero();
        }
        assertThat(hosts.get(1).dump()).as("the failed canary undone").isEqualTo(pristine.get(1));
    }

    @Test
    void no_new_host_starts_after_max_failures() {
        List<InMemoryHost> hosts = fleet(8);
        for (int i = 0; i < 3; i++) {
            hosts.set(i, InMemoryHost.of(unconfigured()).dropAfterWrites(0));
        }

        FleetFix.Outcome outcome = new FleetFix(new FleetFix.Settings(1, 0, 2)).run(tasks(hosts), (i, f) -> { },
                () -> false);

        assertThat(outcome.stop()).isEqualTo(FleetFix.Stop.TOO_MANY_FAILURES);
        assertThat(outcome.failures()).isEqualTo(2);
        assertThat(outcome.notStarted()).isEqualTo(6);
        assertThat(outcome.hosts().get(0)).hasValueSatisfying(f -> assertThat(f.error()).isPresent());
    }

    @Test
    void an_interrupt_starts_no_further_host() {
        List<InMemoryHost> hosts = fleet(4);
        AtomicInteger finished = new AtomicInteger();

        FleetFix.Outcome outcome = new FleetFix(new FleetFix.Settings(1, 0, 0)).run(tasks(hosts),
                (i, f) -> finished.incrementAndGet(), () -> finished.get() >= 2);

        assertThat(outcome.stop()).isEqualTo(FleetFix.Stop.INTERRUPTED);
        assertThat(outcome.hosts()).filteredOn(Optional::isPresent).hasSize(2);
    }
}
