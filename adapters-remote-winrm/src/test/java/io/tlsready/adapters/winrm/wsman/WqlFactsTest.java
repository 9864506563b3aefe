package io.tlsready.adapters.winrm.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.WindowsVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WqlFactsTest {

    private final WsmanFakeHost host = new WsmanFakeHost();
    private final WsmanClient client = WsmanClient.of(host);
    private final WqlFacts wql = new WqlFacts(client, "host1");
    private final List<EvidenceWarning> warnings = new ArrayList<>();

    static Map<String, String> os(String arch, String productType) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("BootDevice", "\\Device\\HarddiskVolume2");
        m.put("BuildNumber", "7601");
        m.put("Caption", "Microsoft Windows Server 2008 R2 Standard ");
        m.put("CSDVersion", "Service Pack 1");
        m.put("CSName", "HOST1");
        m.put("OSArchitecture", arch);
        m.put("ProductType", productType);
        m.put("ServicePackMajorVersion", "1");
        m.put("Version", "6.1.7601");
        return m;
    }

    @Test
    void operating_system_from_a_projection() {
        host.instance("Win32_OperatingSystem", os("64 bits", "3"));

        Fact<SystemInfo> f = wql.systemInfo(warnings);

        SystemInfo si = f.asOptional().orElseThrow();
        assertThat(si.hostName()).contains("HOST1");
        assertThat(si.osName()).isEqualTo("Microsoft Windows Server 2008 R2 Standard");
        assertThat(si.version()).isEqualTo(new WindowsVersion(6, 1, 7601));
        assertThat(si.servicePack()).isEqualTo(1);
        assertThat(si.productType()).contains(ProductType.SERVER);
        assertThat(si.architecture()).contains(Architecture.X64);
        assertThat(warnings).isEmpty();
        assertThat(client.requestCount()).isEqualTo(1);
        XmlElement filter = host.requests().get(0).filter().orElseThrow();
        assertThat(filter.trimmedText()).isEqualTo(WqlFacts.OS_QUERY);
    }

    @Test
    void localized_architectures_product_types_and_full_instances() {
        host.fullInstances().instance("Win32_OperatingSystem", os("64-bit", "1"));
        SystemInfo si = wql.systemInfo(warnings).asOptional().orElseThrow();
        assertThat(si.architecture()).contains(Architecture.X64);
        assertThat(si.productType()).contains(ProductType.WORKSTATION);

        WsmanFakeHost h2 = new WsmanFakeHost().instance("Win32_OperatingSystem", os("64 Bit", "2"));
        SystemInfo dc = new WqlFacts(WsmanClient.of(h2), "h2").systemInfo(warnings).asOptional().orElseThrow();
        assertThat(dc.productType()).contains(ProductType.DOMAIN_CONTROLLER);
        assertThat(dc.architecture()).contains(Architecture.X64);

        Map<String, String> xp = os(null, "1");
        xp.put("ServicePackMajorVersion", null);
        WsmanFakeHost h3 = new WsmanFakeHost().instance("Win32_OperatingSystem", xp);
        SystemInfo old = new WqlFacts(WsmanClient.of(h3), "h3").systemInfo(warnings).asOptional().orElseThrow();
        assertThat(old.architecture()).isEmpty();
        assertThat(old.servicePack()).isZero();
    }

    @Test
    void no_usable_version_or_a_fault_is_not_collected() {
        Map<String, String> bad = os("64-bit", "3");
        bad.put("Version", "garbage");
        host.instance("Win32_OperatingSystem", bad);
        assertThat(wql.systemInfo(warnings).state()).isEqualTo("NOT_COLLECTED");

        WsmanFakeHost denied = new WsmanFakeHost().faults((r, id) -> WsmanResponses.accessDenied(id, "m"));
        Fact<SystemInfo> f = new WqlFacts(WsmanClient.of(denied), "h").systemInfo(warnings);
        assertThat(f).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.why()).contains("Win32_OperatingSystem").contains("access denied"));

        Fact<SystemInfo> missing = new WqlFacts(WsmanClient.of(new WsmanFakeHost()), "h").systemInfo(warnings);
        assertThat(missing).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.why()).contains("WMI query rejected"));
    }

    @Test
    void hotfixes_are_a_complete_list_and_non_kb_ids_are_warnings() {
        for (String id : List.of("KB3140245", "kb4019276", "File 1", "Q123456", "KB2999226")) {
            host.instance("Win32_QuickFixEngineering", Map.of("HotFixID", id, "Description", "Update"));
        }

        InstalledUpdates u = wql.installedUpdates(warnings).asOptional().orElseThrow();

        assertThat(u.kbs()).containsExactlyInAnyOrder("KB3140245", "KB4019276", "KB2999226");
        assertThat(u.complete()).isTrue();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("host1 WMI Win32_QuickFixEngineering");
            assertThat(w.message()).contains("File 1").contains("Q123456");
        });
        assertThat(host.requests().get(0).filter().orElseThrow().trimmedText()).isEqualTo(WqlFacts.QFE_QUERY);
    }

    @Test
    void large_results_are_pulled_until_end_of_sequence() {
        for (int i = 0; i < 25; i++) {
            host.instance("Win32_QuickFixEngineering", Map.of("HotFixID", "KB" + (1_000_000 + i)));
        }
        host.pageSize(10);

        InstalledUpdates u = wql.installedUpdates(warnings).asOptional().orElseThrow();

        assertThat(u.kbs()).hasSize(25);
        assertThat(host.requests()).extracting(WsmanRequest::action).containsExactly(WsmanNs.ACTION_ENUMERATE,
                WsmanNs.ACTION_PULL, WsmanNs.ACTION_PULL);
        assertThat(client.requestCount()).isEqualTo(3);
    }

    @Test
    void an_empty_class_is_an_empty_complete_list_and_a_denied_query_is_not_collected() {
        host.emptyClass("Win32_QuickFixEngineering");
        assertThat(wql.installedUpdates(warnings).asOptional().orElseThrow().kbs()).isEmpty();

        WsmanFakeHost denied = new WsmanFakeHost().faults((r, id) -> WsmanResponses.accessDenied(id, "m"));
        assertThat(new WqlFacts(WsmanClient.of(denied), "h").installedUpdates(warnings).state())
                .isEqualTo("NOT_COLLECTED");
    }
}
