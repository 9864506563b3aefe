package io.tlsready.adapters.winrm.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.book.RuleBook;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WinRmFactsCollectorTest {

    static final String CLIENT = WmiRegistryTest.CLIENT;
    static final String NETFX = WmiRegistryTest.NETFX;

    static WsmanFakeHost typicalHost() {
        return new WsmanFakeHost()
                .instance("Win32_OperatingSystem", WqlFactsTest.os("64-bit", "3"))
                .instance("Win32_QuickFixEngineering", Map.of("HotFixID", "KB3140245"))
                .instance("Win32_QuickFixEngineering", Map.of("HotFixID", "File 1"))
                .value(CLIENT, "Enabled", new RegValue.Dword(1))
                .value(NETFX, "SchUseStrongCrypto", new RegValue.Dword(1))
                .value(WmiRegistryTest.NETFX_WOW, "SchUseStrongCrypto", new RegValue.Dword(0));
    }

    @Test
    void collects_everything_with_the_minimal_number_of_requests() {
        WsmanFakeHost host = typicalHost();
        WinRmFactsCollector collector = new WinRmFactsCollector(host, "host1.example:5986");
        FactsRequest request = new FactsRequest(Set.of(ValueRef.of(CLIENT, "Enabled"),
                ValueRef.of(CLIENT, "DisabledByDefault"), ValueRef.of(NETFX, "SchUseStrongCrypto"),
                ValueRef.wow32(NETFX, "SchUseStrongCrypto"), ValueRef.wow32(NETFX, "SystemDefaultTlsVersions")),
                true, true);

        HostFacts facts = collector.collect(request);

        assertThat(facts.host()).isEqualTo("HOST1");
        assertThat(facts.source()).isEqualTo("WinRM " + WsmanFakeHost.ENDPOINT);
        assertThat(facts.value(ValueRef.of(CLIENT, "Enabled")).asOptional()).contains(new RegValue.Dword(1));
        assertThat(facts.value(ValueRef.of(CLIENT, "DisabledByDefault")).state()).isEqualTo("ABSENT");
        assertThat(facts.value(ValueRef.wow32(NETFX, "SchUseStrongCrypto")).asOptional()).contains(new RegValue.Dword(0));
        assertThat(facts.value(ValueRef.wow32(NETFX, "SystemDefaultTlsVersions")).state()).isEqualTo("ABSENT");
        assertThat(facts.systemInfo().asOptional().orElseThrow().architecture()).contains(Architecture.X64);
        assertThat(facts.systemInfo().asOptional().orElseThrow().productType()).contains(ProductType.SERVER);
        assertThat(facts.updates().asOptional().orElseThrow().kbs()).containsExactly("KB3140245");
        assertThat(facts.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("File 1"));
        // 3 keys + 3 present values + 2 WQL queries.
        assertThat(collector.requestCount()).isEqualTo(3 + 3 + 2);
        assertThat(facts.provenance()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("winrm");
            assertThat(p.location()).isEqualTo(WsmanFakeHost.ENDPOINT);
            assertThat(p.detail()).contains("8 requests");
        });
    }

    @Test
    void a_denied_update_query_leaves_the_rest_collected() {
        WsmanFakeHost host = typicalHost().faults((r, id) -> r.filter()
                .filter(f -> f.trimmedText().contains("QuickFix")).isPresent() ? WsmanResponses.accessDenied(id, "m")
                        : null);

        HostFacts facts = new WinRmFactsCollector(host, "h").collect(
                new FactsRequest(Set.of(ValueRef.of(CLIENT, "Enabled")), true, true));

        assertThat(facts.updates()).isInstanceOfSatisfying(Fact.NotCollected.class, n -> assertThat(n.why())
                .contains("Win32_QuickFixEngineering").contains("access denied"));
        assertThat(facts.systemInfo().isPresent()).isTrue();
        assertThat(facts.value(ValueRef.of(CLIENT, "Enabled")).isPresent()).isTrue();
    }

    @Test
    void a_host_wide_fault_on_the_first_request_fails_the_host_with_its_cause() {
        WsmanFakeHost timedOut = typicalHost().faults((r, id) -> WsmanResponses.timedOut(id, "h"));
        WinRmFactsCollector first = new WinRmFactsCollector(timedOut, "h");
        assertThatThrownBy(() -> first.collect(RuleBook.standard().request()))
                .isInstanceOfSatisfying(WsmanFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(WsmanFault.Kind.TIMED_OUT);
                    assertThat(f.kind().transientFailure()).isTrue();
                    assertThat(f.getMessage()).contains("timed out").contains("Win32_OperatingSystem");
                });
        assertThat(first.requestCount()).as("nothing more is asked of a failed host").isEqualTo(1);

        WsmanFakeHost broken = typicalHost().faults((r, id) -> WsmanResponses.fault(id, "Receiver",
                "w:InternalError", "The WS-Management service cannot process the request.", null, "h"));
        assertThatThrownBy(() -> new WinRmFactsCollector(broken, "h").collect(RuleBook.standard().request()))
                .isInstanceOfSatisfying(WsmanFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(WsmanFault.Kind.INTERNAL_ERROR);
                    assertThat(f.kind().transientFailure()).isFalse();
                    assertThat(f.getMessage()).contains("internal error");
                });

        // A WMI provider's failure concerns its class only: the registry is still read.
        WsmanFakeHost provider = typicalHost().faults((r, id) -> r.filter().isPresent()
                ? WsmanResponses.fault(id, "Receiver", "w:InternalError", "The WMI provider returned an error:"
                        + " Generic failure", 0x80041001L, "h") : null);
        HostFacts partial = new WinRmFactsCollector(provider, "h").collect(RuleBook.standard().request());
        assertThat(partial.systemInfo().isCollected()).isFalse();
        assertThat(partial.values().values()).anySatisfy(v -> assertThat(v.isCollected()).isTrue());

        // Denied everywhere is still an answer: every fact NOT_COLLECTED with the reason, no host failure.
        WsmanFakeHost denied = typicalHost().faults((r, id) -> WsmanResponses.accessDenied(id, "h"));
        HostFacts facts = new WinRmFactsCollector(denied, "h").collect(RuleBook.standard().request());
        assertThat(facts.systemInfo()).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.why()).contains("access denied"));
    }

    @Test
    void not_requested_parts_cost_nothing() {
        WsmanFakeHost host = typicalHost();
        WinRmFactsCollector collector = new WinRmFactsCollector(host, "h");

        HostFacts facts = collector.collect(new FactsRequest(Set.of(ValueRef.of(CLIENT, "Enabled")), false, false));

        assertThat(facts.host()).isEqualTo("h");
        assertThat(facts.systemInfo().isCollected()).isFalse();
        assertThat(facts.updates().isCollected()).isFalse();
        assertThat(collector.requestCount()).isEqualTo(2);
    }

    @Test
    void transport_failures_propagate_for_the_caller() {
        WsmanTransport dead = new WsmanTransport() {
            @Override
            public Reply exchange(byte[] envelope) {
                throw new WsmanTransportException(WsmanTransportException.Kind.REFUSED, "connection refused");
            }

            @Override
            public String endpoint() {
                return "https://dead:5986/wsman";
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new WinRmFactsCollector(dead, "dead").collect(RuleBook.standard().request()))
                .isInstanceOf(WsmanTransportException.class).hasMessage("connection refused");

        WsmanTransport html = stub(200, "<html>proxy login</html>");
        assertThatThrownBy(() -> new WinRmFactsCollector(html, "h").collect(RuleBook.standard().request()))
                .isInstanceOf(WsmanTransportException.class).hasMessageContaining("not a SOAP envelope");

        WsmanTransport teapot = stub(418, "");
        assertThatThrownBy(() -> new WinRmFactsCollector(teapot, "h").collect(RuleBook.standard().request()))
                .isInstanceOfSatisfying(WsmanTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(WsmanTransportException.Kind.HTTP_STATUS));
    }

    private static WsmanTransport stub(int status, String body) {
        return new WsmanTransport() {
            @Override
            public Reply exchange(byte[] envelope) {
                return new Reply(status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public String endpoint() {
                return "https://stub:5986/wsman";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void rule_book_request_costs_keys_plus_present_values_plus_two() {
        FactsRequest request = RuleBook.standard().request();
        // One EnumValues per key holding requested values, one EnumKey per parent of the keys asked about by existence.
        int keys = request.physicalKeys().size() + (int) request.keys().stream()
                .map(k -> io.tlsready.domain.facts.RegistryPaths.parent(k.physicalKey()).toUpperCase(java.util.Locale.ROOT))
                .distinct().count();
        WsmanFakeHost empty = new WsmanFakeHost()
                .instance("Win32_OperatingSystem", WqlFactsTest.os("64-bit", "3"))
                .emptyClass("Win32_QuickFixEngineering");
        WinRmFactsCollector bare = new WinRmFactsCollector(empty, "h");
        bare.collect(request);
        assertThat(bare.requestCount()).isEqualTo(keys + 2);

        // Every requested value present: one more request each.
        WsmanFakeHost full = new WsmanFakeHost()
                .instance("Win32_OperatingSystem", WqlFactsTest.os("64-bit", "3"))
                .emptyClass("Win32_QuickFixEngineering");
        request.values().forEach(ref -> full.value(ref.physicalKey(), ref.name(), new RegValue.Dword(1)));
        WinRmFactsCollector collector = new WinRmFactsCollector(full, "h");
        HostFacts facts = collector.collect(request);
        assertThat(facts.values().values()).allSatisfy(f -> assertThat(f.isPresent()).isTrue());
        assertThat(collector.requestCount()).isEqualTo(keys + request.values().size() + 2);
        System.out.println("[rule book] " + request.values().size() + " values in " + keys + " keys: "
                + bare.requestCount() + " requests when no value is set, " + collector.requestCount()
                + " when all are set");
    }
}
