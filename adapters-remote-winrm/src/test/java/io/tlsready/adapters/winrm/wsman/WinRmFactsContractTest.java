package io.tlsready.adapters.winrm.wsman;

import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.FactsSourceContract;
import io.tlsready.domain.port.HostState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The domain's source contract over WinRM: a {@link HostState} becomes a fake Windows host where covered keys are
 * readable and everything else is access denied (the live-host way of "not collected"); no OS or update list
 * means the WMI queries are denied.
 */
class WinRmFactsContractTest extends FactsSourceContract {

    @Override
    protected FactsSource sourceFor(HostState state) {
        WsmanFakeHost host = new WsmanFakeHost();
        state.coveredKeys().forEach(k -> host.key(k).readableOnlyUnder(k));
        if (state.coveredKeys().isEmpty()) {
            host.readableOnlyUnder("HKLM\\NOTHING-IS-READABLE");
        }
        state.present().forEach((ValueRef ref, io.tlsready.domain.facts.RegValue v) ->
                host.value(ref.physicalKey(), ref.name(), v));
        state.systemInfo().ifPresent(si -> host.instance("Win32_OperatingSystem", os(si)));
        state.updates().ifPresent(u -> {
            host.emptyClass("Win32_QuickFixEngineering");
            u.kbs().forEach(kb -> host.instance("Win32_QuickFixEngineering", Map.of("HotFixID", kb)));
        });
        host.faults((r, id) -> {
            String wql = r.filter().map(XmlElement::trimmedText).orElse("");
            boolean os = wql.contains("Win32_OperatingSystem") && state.systemInfo().isEmpty();
            boolean qfe = wql.contains("Win32_QuickFixEngineering") && state.updates().isEmpty();
            return os || qfe ? WsmanResponses.accessDenied(id, "fake") : null;
        });
        return new FactsSource() {
            @Override
            public String describe() {
                return "fake WinRM host";
            }

            @Override
            public HostFacts collect(FactsRequest request) {
                return new WinRmFactsCollector(host, "fake").collect(request);
            }
        };
    }

    private static Map<String, String> os(SystemInfo si) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Caption", si.osName());
        m.put("Version", si.version().toString());
        m.put("BuildNumber", Integer.toString(si.version().build()));
        m.put("ServicePackMajorVersion", Integer.toString(si.servicePack()));
        si.hostName().ifPresent(h -> m.put("CSName", h));
        si.productType().ifPresent(p -> m.put("ProductType", switch (p) {
            case WORKSTATION -> "1";
            case DOMAIN_CONTROLLER -> "2";
            case SERVER -> "3";
        }));
        si.architecture().ifPresent(a -> m.put("OSArchitecture", a == io.tlsready.domain.facts.Architecture.X86
                ? "32-bit" : "64-bit"));
        return m;
    }
}
