package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.adapters.winrm.wsman.WinRmFactsCollector;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.book.RuleBook;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every evidence set in examples/: the production WS-Man reader ({@link WinRmFactsCollector}) collecting from
 * the simulated host, over NTLM with message encryption and over Basic/HTTPS, gets the facts the offline reader
 * gets: the same state for every value, the same values, the same OS identity and update list.
 */
class SimulatorMatchesOfflineEvidenceTest {

    @TestFactory
    Stream<DynamicTest> every_example_set_reads_the_same_over_winrm() {
        FactsRequest request = RuleBook.standard().request();
        return TestFleets.exampleSets().stream().flatMap(set -> Stream.of(HostSpec.Auth.NTLM,
                HostSpec.Auth.BASIC_HTTPS).map(auth -> DynamicTest.dynamicTest(set.getFileName() + " over " + auth,
                        () -> check(set, auth, request))));
    }

    private static void check(Path set, HostSpec.Auth auth, FactsRequest request) {
        HostFacts offline = EvidenceFacts.load(TestFleets.files(set));
        HostSpec spec = HostSpec.of("host1", "127.0.0.1", 0, auth, TestFleets.USER, TestFleets.PASSWORD, offline);
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(spec));
                SimClient client = new SimClient(fleet.endpoints().get(0), TestFleets.USER, TestFleets.PASSWORD,
                        fleet.certificate().map(SelfSignedCertificate::certificate).orElse(null))) {
            WinRmFactsCollector collector = new WinRmFactsCollector(client, "host1");
            HostFacts remote = collector.collect(request);
            for (ValueRef ref : request.values()) {
                Fact<RegValue> want = offline.value(ref);
                Fact<RegValue> got = remote.value(ref);
                assertThat(got.state()).as("%s: %s vs offline %s", ref, got, want).isEqualTo(want.state());
                assertThat(got.asOptional()).as(ref.toString()).isEqualTo(want.asOptional());
            }
            assertThat(remote.systemInfo().state()).as("systemInfo %s", remote.systemInfo())
                    .isEqualTo(offline.systemInfo().state());
            assertThat(remote.systemInfo().asOptional()).isEqualTo(offline.systemInfo().asOptional());
            assertThat(remote.updates().state()).as("updates %s", remote.updates())
                    .isEqualTo(offline.updates().state());
            assertThat(remote.updates().asOptional().map(u -> u.kbs()))
                    .isEqualTo(offline.updates().asOptional().map(u -> u.kbs()));
            assertThat(remote.updates().asOptional().map(u -> u.complete()))
                    .as("completeness of the update list").isEqualTo(offline.updates().asOptional().map(u -> u.complete()));
            assertThat(fleet.counters("host1").wsmanRequests()).as("every envelope the client sent was answered")
                    .isEqualTo(collector.requestCount());
        }
    }
}
