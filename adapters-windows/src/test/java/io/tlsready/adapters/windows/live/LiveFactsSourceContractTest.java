package io.tlsready.adapters.windows.live;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryDataEncoding;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.FactsSourceContract;
import io.tlsready.domain.port.HostState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract for the live source, on any OS: the host state becomes a fake advapi32/WMI that answers
 * with the raw bytes and Win32 error codes Windows would give (a key outside the covered ones answers
 * ERROR_ACCESS_DENIED, the one way a live registry fails to cover a key). Everything above the two
 * native seams, including the byte decoding, is the production code.
 */
class LiveFactsSourceContractTest extends FactsSourceContract {

    @Override
    protected FactsSource sourceFor(HostState state) {
        Optional<Architecture> arch = Optional.of(state.systemInfo().flatMap(SystemInfo::architecture)
                .orElse(Architecture.X64));
        return new LiveRegistrySource("HOST1", (subKey, name, view) -> read(state, subKey, name, view),
                new StateWmi(state), arch);
    }

    private static RegistryAccess.Read read(HostState state, String subKey, String name, RegistryView view) {
        ValueRef ref = new ValueRef("HKLM\\" + subKey, view, name);
        RegValue value = state.present().get(ref);
        if (value != null) {
            return new RegistryAccess.Found(RegistryDataEncoding.type(value), RegistryDataEncoding.bytes(value));
        }
        String physical = ref.physicalKey();
        boolean covered = state.coveredKeys().stream().anyMatch(k -> RegistryPaths.startsWithKey(physical, k));
        if (!covered) {
            return new RegistryAccess.Failed(LiveRegistrySource.ERROR_ACCESS_DENIED, "Access is denied.");
        }
        boolean keyExists = state.present().keySet().stream()
                .anyMatch(r -> RegistryPaths.startsWithKey(r.physicalKey(), physical));
        return keyExists ? new RegistryAccess.ValueMissing() : new RegistryAccess.KeyMissing();
    }

    /** Win32_OperatingSystem and Win32_QuickFixEngineering as WMI would report this state. */
    private static final class StateWmi implements WmiAccess {
        private final HostState state;

        StateWmi(HostState state) {
            this.state = state;
        }

        @Override
        public Map<String, Object> operatingSystem() {
            SystemInfo si = state.systemInfo().orElseThrow(() -> new WmiException("Invalid class", null));
            Map<String, Object> row = new HashMap<>();
            row.put("Caption", si.osName());
            row.put("Version", si.version().toString());
            row.put("ServicePackMajorVersion", si.servicePack());
            si.productType().ifPresent(p -> row.put("ProductType",
                    p == ProductType.WORKSTATION ? 1 : p == ProductType.DOMAIN_CONTROLLER ? 2 : 3));
            si.architecture().ifPresent(a -> row.put("OSArchitecture", a == Architecture.X86 ? "32-bit" : "64-bit"));
            si.hostName().ifPresent(h -> row.put("CSName", h));
            return row;
        }

        @Override
        public List<String> hotFixIds() {
            return new ArrayList<>(state.updates().orElseThrow(() -> new WmiException("Invalid class", null)).kbs());
        }
    }
}
