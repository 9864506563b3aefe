package io.tlsready.domain.testing;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryPaths;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import io.tlsready.domain.os.OsIdentifier;
import io.tlsready.domain.rules.Places;
import io.tlsready.domain.rules.book.RuleBook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Terse host states for tests, written the way evidence looks on a real host:
 * <pre>
 * Hosts.windows("2008R2").x64()
 *      .dword(TLS12_CLIENT, "Enabled", 1)
 *      .absentUnder(Places.SCHANNEL)          // the key was exported: missing values are ABSENT
 *      .updates("KB3140245")
 *      .build();
 * </pre>
 * Semantics follow design.md "Offline snapshot semantics": a value under a covered subtree (physical path,
 * so {@code WOW6432Node} is its own subtree) that was not set is ABSENT; anything else is NOT_COLLECTED.
 * {@link #notCollectedUnder} wins over everything, including values set explicitly.
 * The universe of values is the standard rule book's request plus every value mentioned here.
 */
public final class Hosts {

    public static final String CV = OsIdentifier.CV;
    public static final String PRODUCT_OPTIONS = OsIdentifier.PRODUCT_OPTIONS;
    public static final String ENVIRONMENT = OsIdentifier.ENVIRONMENT;
    public static final String TLS12_CLIENT = Places.TLS12_CLIENT;
    public static final String TLS12_SERVER = Places.TLS12_SERVER;
    public static final String WINHTTP = Places.WINHTTP;
    public static final String NETFX4 = Places.NETFX4;
    public static final String NETFX2 = Places.NETFX2;
    public static final String NDP4_FULL = Places.NDP4_FULL;
    public static final String NDP35 = Places.NDP35;
    public static final String FIPS = Places.FIPS;
    public static final String KEX_DH = Places.KEX_DH;
    public static final String KEX_ECDH = Places.KEX_ECDH;
    public static final String CIPHER_POLICY = Places.CIPHER_POLICY;
    public static final String CIPHER_LOCAL = Places.CIPHER_LOCAL;
    public static final String MARS_SETUP = Places.MARS_SETUP;

    /** Every OS preset {@link #windows(String)} knows, oldest first. */
    public static final List<String> ALL_OS = List.of("XP", "2003", "Vista", "2008SP1", "2008SP2", "2008SP2-6003",
            "7RTM", "7", "2008R2", "8", "2012", "8.1", "2012R2", "10", "2016", "2019", "2022", "11", "2025");

    private final Map<ValueRef, RegValue> values = new LinkedHashMap<>();
    private final Set<ValueRef> explicitAbsent = new LinkedHashSet<>();
    private final Set<ValueRef> explicitNotCollected = new LinkedHashSet<>();
    private final Set<KeyRef> keys = new LinkedHashSet<>();
    private final List<String> covered = new ArrayList<>();
    private final List<String> notCollected = new ArrayList<>();
    private Fact<SystemInfo> systemInfo = Fact.notCollected("no systeminfo in the fixture");
    private Fact<InstalledUpdates> updates = Fact.notCollected("no update list in the fixture");
    private String host = "test-host";

    private Hosts() {
    }

    /** A host with no evidence at all. */
    public static Hosts blank() {
        return new Hosts();
    }

    /**
     * A host whose registry {@code Windows NT\CurrentVersion} and {@code ProductOptions} identify {@code os}:
     * one of {@link #ALL_OS}. Architecture is not set (call {@link #x64()} / {@link #x86()}).
     */
    public static Hosts windows(String os) {
        Hosts h = new Hosts();
        switch (os.toUpperCase(Locale.ROOT)) {
            case "XP":
                return h.legacyOs("5.1", "2600", "WinNT", "Service Pack 3", "Microsoft Windows XP");
            case "2003":
                return h.legacyOs("5.2", "3790", "ServerNT", "Service Pack 2", "Microsoft Windows Server 2003");
            case "VISTA":
                return h.legacyOs("6.0", "6002", "WinNT", "Service Pack 2", "Windows Vista (TM) Business");
            case "2008SP1":
                return h.legacyOs("6.0", "6001", "ServerNT", "Service Pack 1", "Windows Server (R) 2008 Standard");
            case "2008SP2":
                return h.legacyOs("6.0", "6002", "ServerNT", "Service Pack 2", "Windows Server (R) 2008 Standard");
            case "2008SP2-6003":
                return h.legacyOs("6.0", "6003", "ServerNT", "Service Pack 2", "Windows Server (R) 2008 Standard");
            case "7RTM":
                return h.legacyOs("6.1", "7600", "WinNT", null, "Windows 7 Professional");
            case "7":
                return h.legacyOs("6.1", "7601", "WinNT", "Service Pack 1", "Windows 7 Professional");
            case "2008R2":
                return h.legacyOs("6.1", "7601", "ServerNT", "Service Pack 1", "Windows Server 2008 R2 Standard");
            case "8":
                return h.legacyOs("6.2", "9200", "WinNT", null, "Windows 8 Pro");
            case "2012":
                return h.legacyOs("6.2", "9200", "ServerNT", null, "Windows Server 2012 Standard");
            case "8.1":
                return h.legacyOs("6.3", "9600", "WinNT", null, "Windows 8.1 Pro");
            case "2012R2":
                return h.legacyOs("6.3", "9600", "ServerNT", null, "Windows Server 2012 R2 Standard");
            case "10":
                return h.modernOs("19045", "WinNT", "Windows 10 Pro", "Client");
            case "2016":
                return h.modernOs("14393", "ServerNT", "Windows Server 2016 Standard", "Server");
            case "2019":
                return h.modernOs("17763", "ServerNT", "Windows Server 2019 Standard", "Server");
            case "2022":
                return h.modernOs("20348", "ServerNT", "Windows Server 2022 Standard", "Server");
            case "11":
                // G2: Windows 11 still says "Windows 10" in ProductName.
                return h.modernOs("22631", "WinNT", "Windows 10 Pro", "Client");
            case "2025":
                return h.modernOs("26100", "ServerNT", "Windows Server 2025 Standard", "Server");
            default:
                throw new IllegalArgumentException("unknown OS preset " + os + "; known: " + ALL_OS);
        }
    }

    /**
     * A host that is READY on {@code os} (if the OS can be made ready at all): x64, TLS 1.2 client and server
     * enabled explicitly, WinHTTP 0xA80 (TLS 1.0-1.2) in both views, .NET 4.8 with strong crypto in both views, the OS update
     * listed, FIPS off, every other requested value ABSENT under a fully covered registry.
     */
    public static Hosts ready(String os) {
        Hosts h = windows(os).x64().coverAll()
                .dword(TLS12_CLIENT, "Enabled", 1).dword(TLS12_CLIENT, "DisabledByDefault", 0)
                .dword(TLS12_SERVER, "Enabled", 1).dword(TLS12_SERVER, "DisabledByDefault", 0)
                .dword(NDP4_FULL, "Release", 528040)
                .dword(FIPS, "Enabled", 0)
                .updates("KB4019276", "KB3140245", "KB5000001");
        for (RegistryView v : RegistryView.values()) {
            h.dword(v, WINHTTP, "DefaultSecureProtocols", 0xA80)
                    .dword(v, NETFX4, "SchUseStrongCrypto", 1).dword(v, NETFX4, "SystemDefaultTlsVersions", 1);
        }
        return h;
    }

    private Hosts legacyOs(String currentVersion, String build, String productType, String csd, String productName) {
        string(CV, "CurrentVersion", currentVersion);
        string(CV, "CurrentBuild", build);
        string(CV, "CurrentBuildNumber", build);
        string(CV, "ProductName", productName);
        if (csd != null) {
            string(CV, "CSDVersion", csd);
        }
        string(PRODUCT_OPTIONS, "ProductType", productType);
        return this;
    }

    private Hosts modernOs(String build, String productType, String productName, String installationType) {
        string(CV, "CurrentVersion", "6.3");
        dword(CV, "CurrentMajorVersionNumber", 10);
        dword(CV, "CurrentMinorVersionNumber", 0);
        string(CV, "CurrentBuild", build);
        string(CV, "CurrentBuildNumber", build);
        dword(CV, "UBR", 1000);
        string(CV, "ProductName", productName);
        string(CV, "InstallationType", installationType);
        string(PRODUCT_OPTIONS, "ProductType", productType);
        return this;
    }

    // ---- identity helpers ------------------------------------------------------------------------------

    public Hosts named(String hostName) {
        this.host = hostName;
        return this;
    }

    /** PROCESSOR_ARCHITECTURE=AMD64 in the system environment key. */
    public Hosts x64() {
        return string(ENVIRONMENT, "PROCESSOR_ARCHITECTURE", "AMD64");
    }

    /** PROCESSOR_ARCHITECTURE=x86 in the system environment key. */
    public Hosts x86() {
        return string(ENVIRONMENT, "PROCESSOR_ARCHITECTURE", "x86");
    }

    /** Removes every registry value that identifies the OS or architecture (systeminfo may still do it). */
    public Hosts withoutRegistryOs() {
        values.keySet().removeIf(r -> RegistryPaths.startsWithKey(r.key(), CV)
                || RegistryPaths.startsWithKey(r.key(), PRODUCT_OPTIONS)
                || RegistryPaths.startsWithKey(r.key(), ENVIRONMENT));
        return this;
    }

    /** systeminfo / WMI evidence. */
    public Hosts systemInfo(String osName, String version, int servicePack, ProductType type, Architecture arch) {
        WindowsVersion v = WindowsVersion.find(version).orElseThrow(() -> new IllegalArgumentException(version));
        this.systemInfo = Fact.present(new SystemInfo(Optional.of(host), osName, v, servicePack,
                Optional.ofNullable(type), Optional.ofNullable(arch)), "systeminfo.txt");
        return this;
    }

    // ---- registry values ---------------------------------------------------------------------------------

    public Hosts value(ValueRef ref, RegValue value) {
        values.put(ref, value);
        explicitAbsent.remove(ref);
        explicitNotCollected.remove(ref);
        return this;
    }

    public Hosts dword(String key, String name, long value) {
        return value(ValueRef.of(key, name), new RegValue.Dword(value));
    }

    public Hosts dword(RegistryView view, String key, String name, long value) {
        return value(new ValueRef(key, view, name), new RegValue.Dword(value));
    }

    /** A DWORD in the 32-bit view ({@code WOW6432Node}) of a key under HKLM\SOFTWARE. */
    public Hosts dwordWow(String key, String name, long value) {
        return dword(RegistryView.WOW64_32, key, name, value);
    }

    public Hosts string(String key, String name, String value) {
        return value(ValueRef.of(key, name), RegValue.Str.of(value));
    }

    public Hosts string(RegistryView view, String key, String name, String value) {
        return value(new ValueRef(key, view, name), RegValue.Str.of(value));
    }

    public Hosts multiString(String key, String name, String... items) {
        return value(ValueRef.of(key, name), new RegValue.MultiStr(List.of(items)));
    }

    /** One value explicitly ABSENT (looked for, not there), in the native view. */
    public Hosts absent(String key, String name) {
        return absent(ValueRef.of(key, name));
    }

    public Hosts absent(ValueRef ref) {
        values.remove(ref);
        explicitNotCollected.remove(ref);
        explicitAbsent.add(ref);
        return this;
    }

    /** One value explicitly NOT_COLLECTED. */
    public Hosts notCollected(ValueRef ref) {
        values.remove(ref);
        explicitAbsent.remove(ref);
        explicitNotCollected.add(ref);
        return this;
    }

    /** The subtree at this physical path was collected: every unset value below it is ABSENT. */
    public Hosts absentUnder(String physicalKey) {
        covered.add(RegistryPaths.normalize(physicalKey));
        return this;
    }

    /** The 32-bit view ({@code WOW6432Node}) of a key under HKLM\SOFTWARE was collected. */
    public Hosts absentUnderWow(String key) {
        return absentUnder(RegistryPaths.toWow6432Node(key));
    }

    /** The whole of HKLM was collected (a hive-level source): every unset value is ABSENT. */
    public Hosts coverAll() {
        return absentUnder("HKLM");
    }

    /** Nothing under this physical path was collected, whatever else says so (wins over set values). */
    public Hosts notCollectedUnder(String physicalKey) {
        notCollected.add(RegistryPaths.normalize(physicalKey));
        return this;
    }

    /** The 32-bit view of a key was not collected. */
    public Hosts notCollectedUnderWow(String key) {
        return notCollectedUnder(RegistryPaths.toWow6432Node(key));
    }

    /** Removes a value set earlier, so coverage decides (ABSENT if covered, else NOT_COLLECTED). */
    public Hosts unset(String key, String name) {
        for (RegistryView v : RegistryView.values()) {
            if (v == RegistryView.NATIVE || RegistryPaths.isRedirected(key)) {
                ValueRef ref = new ValueRef(key, v, name);
                values.remove(ref);
                explicitAbsent.remove(ref);
            }
        }
        return this;
    }

    /** A key that exists (e.g. a root certificate's thumbprint under a store's Certificates key), native view. */
    public Hosts key(String path) {
        keys.add(KeyRef.of(path));
        return this;
    }

    // ---- installed updates -------------------------------------------------------------------------------

    /** A complete installed-update list (as from systeminfo / wmic qfe) holding exactly these KBs. */
    public Hosts updates(String... kbs) {
        this.updates = Fact.present(InstalledUpdates.of(List.of(kbs)), "wmic-qfe.txt");
        return this;
    }

    /** A list the source cut short (systeminfo's truncated Hotfix(s) section) holding these KBs. */
    public Hosts incompleteUpdates(String... kbs) {
        this.updates = Fact.present(InstalledUpdates.of(List.of(kbs)).incomplete(), "systeminfo.txt");
        return this;
    }

    public Hosts updatesNotCollected() {
        this.updates = Fact.notCollected("no systeminfo or wmic qfe output given");
        return this;
    }

    // ---- build -------------------------------------------------------------------------------------------

    public HostFacts build() {
        Set<ValueRef> universe = new LinkedHashSet<>(RuleBook.standard().request().values());
        universe.addAll(values.keySet());
        universe.addAll(explicitAbsent);
        Map<ValueRef, Fact<RegValue>> out = new LinkedHashMap<>();
        for (ValueRef ref : universe) {
            String phys = ref.physicalKey();
            if (explicitNotCollected.contains(ref) || notCollected.stream().anyMatch(k -> RegistryPaths.startsWithKey(phys, k))) {
                continue;
            }
            RegValue v = values.get(ref);
            if (v != null) {
                out.put(ref, Fact.present(v, "fixture"));
            } else if (explicitAbsent.contains(ref)) {
                out.put(ref, Fact.absent("fixture"));
            } else {
                covered.stream().filter(k -> RegistryPaths.startsWithKey(phys, k)).findFirst()
                        .ifPresent(k -> out.put(ref, Fact.absent("fixture, covered " + k)));
            }
        }
        Set<KeyRef> keyUniverse = new LinkedHashSet<>(RuleBook.standard().request().keys());
        keyUniverse.addAll(keys);
        Map<KeyRef, Fact<String>> keyFacts = new LinkedHashMap<>();
        for (KeyRef ref : keyUniverse) {
            String phys = ref.physicalKey();
            if (notCollected.stream().anyMatch(k -> RegistryPaths.startsWithKey(phys, k))) {
                continue;
            }
            if (keys.contains(ref)) {
                keyFacts.put(ref, Fact.present(phys, "fixture"));
            } else {
                covered.stream().filter(k -> RegistryPaths.startsWithKey(phys, k)).findFirst()
                        .ifPresent(k -> keyFacts.put(ref, Fact.absent("fixture, covered " + k)));
            }
        }
        return new HostFacts(host, "fixture", out, systemInfo, updates, List.of(), List.of(), keyFacts);
    }
}
