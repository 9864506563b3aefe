package io.tlsready.adapters.windows.live;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.FactsRequest;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryData;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import io.tlsready.domain.port.FactsSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts from the registry and WMI of the machine the tool runs on. Every value is read in the view the
 * request names, never the JVM's own (rule book G9): a 32-bit JRE on x64 Windows still reads both views.
 * On x86 Windows there is no 32-bit view, so such requests answer NOT_COLLECTED rather than repeating the
 * native value (the rules then use the native view only, as they do for x86 evidence from any source).
 */
final class LiveRegistrySource implements FactsSource {

    static final int ERROR_ACCESS_DENIED = 5;
    static final String QFE = "WMI Win32_QuickFixEngineering";
    static final String OS = "WMI Win32_OperatingSystem";

    private final String host;
    private final RegistryAccess registry;
    private final WmiAccess wmi;
    private final Optional<Architecture> architecture;

    /** @param architecture the OS's native architecture (GetNativeSystemInfo), empty if unrecognised */
    LiveRegistrySource(String host, RegistryAccess registry, WmiAccess wmi, Optional<Architecture> architecture) {
        this.host = Objects.requireNonNull(host, "host");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.wmi = Objects.requireNonNull(wmi, "wmi");
        this.architecture = Objects.requireNonNull(architecture, "architecture");
    }

    @Override
    public String describe() {
        return "this machine (" + host + ")";
    }

    @Override
    public HostFacts collect(FactsRequest request) {
        Map<ValueRef, Fact<RegValue>> values = new LinkedHashMap<>();
        for (ValueRef ref : request.values()) {
            values.put(ref, value(ref));
        }
        List<EvidenceWarning> warnings = new ArrayList<>();
        List<Provenance> provenance = new ArrayList<>();
        provenance.add(new Provenance("live-registry", host, "RegQueryValueEx with KEY_WOW64_64KEY / KEY_WOW64_32KEY; "
                + "OS architecture " + architecture.map(Enum::name).orElse("unknown")));
        Fact<SystemInfo> systemInfo = request.systemInfo()
                ? systemInfo(warnings) : Fact.notCollected("not requested from " + describe());
        Fact<InstalledUpdates> updates = request.installedUpdates()
                ? updates(warnings) : Fact.notCollected("not requested from " + describe());
        if (request.systemInfo() || request.installedUpdates()) {
            provenance.add(new Provenance("wmi", host, "root\\CIMV2: Win32_OperatingSystem, Win32_QuickFixEngineering"));
        }
        Map<KeyRef, Fact<String>> keys = new LinkedHashMap<>();
        for (KeyRef ref : request.keys()) {
            keys.put(ref, key(ref));
        }
        return new HostFacts(host, "live registry of " + host, values, systemInfo, updates, provenance, warnings, keys);
    }

    /**
     * Whether a key exists: its default value is read, and only "key not found" means it does not; a missing
     * default value means the key is there.
     */
    private Fact<String> key(KeyRef ref) {
        Fact<RegValue> probe = value(new ValueRef(ref.key(), ref.view(), ""));
        if (probe instanceof Fact.Absent<RegValue> a) {
            return a.origin().endsWith("key not found") ? Fact.absent(a.origin())
                    : Fact.present(ref.physicalKey(), "live registry, " + ref.view().label() + " view");
        }
        if (probe instanceof Fact.NotCollected<RegValue> n) {
            return Fact.notCollected(n.why());
        }
        return Fact.present(ref.physicalKey(), ((Fact.Present<RegValue>) probe).origin());
    }

    private Fact<RegValue> value(ValueRef ref) {
        String key = ref.key();
        if (!RegistryPaths.startsWithKey(key, "HKLM") || key.length() <= "HKLM\\".length()) {
            return Fact.notCollected("the live source reads keys under HKLM only, not " + key);
        }
        String where = "live registry, " + ref.view().label() + " view";
        if (ref.view() == RegistryView.WOW64_32) {
            if (architecture.isEmpty()) {
                return Fact.notCollected("OS architecture unknown, so the 32-bit view was not read");
            }
            if (!architecture.get().hasWow64View()) {
                return Fact.notCollected("x86 Windows has no 32-bit registry view (WOW6432Node)");
            }
        }
        RegistryAccess.Read read = registry.read(key.substring("HKLM\\".length()), ref.name(), ref.view());
        if (read instanceof RegistryAccess.Found f) {
            return Fact.present(RegistryData.decode(f.type(), f.data()), where);
        }
        if (read instanceof RegistryAccess.KeyMissing) {
            return Fact.absent(where + ": key not found");
        }
        if (read instanceof RegistryAccess.ValueMissing) {
            return Fact.absent(where + ": value not found");
        }
        RegistryAccess.Failed failed = (RegistryAccess.Failed) read;
        if (failed.error() == ERROR_ACCESS_DENIED) {
            return Fact.notCollected(where + ": access denied to " + ref.physicalKey()
                    + " (run as an administrator, or export the key with reg.exe)");
        }
        return Fact.notCollected(where + ": Windows error " + failed.error() + " reading " + ref + ": "
                + failed.message().strip());
    }

    private Fact<SystemInfo> systemInfo(List<EvidenceWarning> warnings) {
        Map<String, Object> os;
        try {
            os = wmi.operatingSystem();
        } catch (WmiAccess.WmiException e) {
            return Fact.notCollected(OS + " failed: " + e.getMessage());
        }
        Optional<WindowsVersion> version = text(os, "Version").flatMap(WindowsVersion::find);
        if (version.isEmpty()) {
            return Fact.notCollected(OS + " gave no usable Version (" + os.get("Version") + ")");
        }
        Optional<Architecture> reported = text(os, "OSArchitecture").flatMap(Architecture::parse);
        if (architecture.isPresent() && reported.isPresent() && reported.get() != architecture.get()) {
            warnings.add(new EvidenceWarning(OS, "OSArchitecture says " + reported.get()
                    + " but GetNativeSystemInfo says " + architecture.get() + "; using the latter"));
        }
        SystemInfo info = new SystemInfo(
                text(os, "CSName"),
                text(os, "Caption").orElse(""),
                version.get(),
                number(os, "ServicePackMajorVersion").map(Long::intValue).orElse(0),
                number(os, "ProductType").flatMap(ProductType::fromWmi),
                architecture.or(() -> reported));
        return Fact.present(info, OS);
    }

    private Fact<InstalledUpdates> updates(List<EvidenceWarning> warnings) {
        List<String> ids;
        try {
            ids = wmi.hotFixIds();
        } catch (WmiAccess.WmiException e) {
            return Fact.notCollected(QFE + " failed: " + e.getMessage());
        }
        Set<String> kbs = new TreeSet<>();
        List<String> ignored = new ArrayList<>();
        for (String id : ids) {
            Set<String> found = id == null ? Set.of() : InstalledUpdates.findAll(id);
            if (found.isEmpty()) {
                ignored.add(String.valueOf(id));
            }
            kbs.addAll(found);
        }
        if (!ignored.isEmpty()) {
            warnings.add(new EvidenceWarning(QFE, "ignored " + ignored.size() + " HotFixID(s) without a KB number, e.g. \""
                    + ignored.get(0) + "\""));
        }
        if (ids.isEmpty()) {
            warnings.add(new EvidenceWarning(QFE, "listed no installed updates at all"));
        }
        return Fact.present(new InstalledUpdates(kbs), QFE);
    }

    private static Optional<String> text(Map<String, Object> row, String property) {
        Object v = row.get(property);
        return v == null ? Optional.empty() : Optional.of(v.toString().strip()).filter(s -> !s.isEmpty());
    }

    /** WMI hands uint16/uint32 over as Integer, and some providers as decimal strings. */
    private static Optional<Long> number(Map<String, Object> row, String property) {
        Object v = row.get(property);
        if (v instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (v instanceof String s && s.strip().matches("\\d{1,9}")) {
            return Optional.of(Long.parseLong(s.strip()));
        }
        return Optional.empty();
    }
}
