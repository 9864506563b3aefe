package io.tlsready.adapters.windows;

import io.tlsready.adapters.windows.hive.RegistryData;
import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.FactsSourceContract;
import io.tlsready.domain.port.HostState;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
            return new RegistryAccess.Found(typeOf(value), bytes(value));
        }
        String physical = ref.physicalKey();
        boolean covered = state.coveredKeys().stream().anyMatch(k -> RegistryPaths.startsWithKey(physical, k));
        if (!covered) {
            return new RegistryAccess.Failed(LiveRegistrySource.ERROR_ACCESS_DENIED, "Access is denied.");
        }
        boolean keyExists = state.present().keySet().stream().anyMatch(r -> r.physicalKey().equalsIgnoreCase(physical));
        return keyExists ? new RegistryAccess.ValueMissing() : new RegistryAccess.KeyMissing();
    }

    private static int typeOf(RegValue v) {
        if (v instanceof RegValue.Dword) {
            return RegistryData.REG_DWORD;
        }
        if (v instanceof RegValue.Qword) {
            return RegistryData.REG_QWORD;
        }
        if (v instanceof RegValue.Str s) {
            return s.expand() ? RegistryData.REG_EXPAND_SZ : RegistryData.REG_SZ;
        }
        if (v instanceof RegValue.MultiStr) {
            return RegistryData.REG_MULTI_SZ;
        }
        return ((RegValue.Raw) v).type();
    }

    /** As RegQueryValueEx hands them over: little-endian numbers, NUL-terminated UTF-16LE strings. */
    private static byte[] bytes(RegValue v) {
        if (v instanceof RegValue.Dword d) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) d.value()).array();
        }
        if (v instanceof RegValue.Qword q) {
            return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(q.value()).array();
        }
        if (v instanceof RegValue.Str s) {
            return (s.value() + "\0").getBytes(StandardCharsets.UTF_16LE);
        }
        if (v instanceof RegValue.MultiStr m) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String item : m.values()) {
                out.writeBytes((item + "\0").getBytes(StandardCharsets.UTF_16LE));
            }
            out.writeBytes("\0".getBytes(StandardCharsets.UTF_16LE));
            return out.toByteArray();
        }
        return ((RegValue.Raw) v).data();
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
