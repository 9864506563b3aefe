package io.tlsready.domain.os;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.RegistryView;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies the Windows release from registry CurrentVersion values and/or systeminfo, honouring the
 * rule book's identification gotchas: build numbers shared by client and server (G1), ProductName
 * saying "Windows 10" on Windows 11 (G2), CurrentVersion frozen at "6.3" (G3), CurrentBuild over
 * CurrentBuildNumber (G5), 2008 SP2 at build 6003 (G7), Server Core (G8), x64 vs x86 (G9).
 */
public final class OsIdentifier {

    public static final String CV = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    public static final String PRODUCT_OPTIONS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions";
    public static final String ENVIRONMENT =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment";
    static final ValueRef MAJOR = ValueRef.of(CV, "CurrentMajorVersionNumber");
    static final ValueRef MINOR = ValueRef.of(CV, "CurrentMinorVersionNumber");
    static final ValueRef CURRENT_VERSION = ValueRef.of(CV, "CurrentVersion");
    static final ValueRef BUILD = ValueRef.of(CV, "CurrentBuild");
    static final ValueRef BUILD_NUMBER = ValueRef.of(CV, "CurrentBuildNumber");
    static final ValueRef UBR = ValueRef.of(CV, "UBR");
    static final ValueRef PRODUCT_NAME = ValueRef.of(CV, "ProductName");
    static final ValueRef EDITION = ValueRef.of(CV, "EditionID");
    static final ValueRef INSTALLATION_TYPE = ValueRef.of(CV, "InstallationType");
    static final ValueRef CSD_VERSION = ValueRef.of(CV, "CSDVersion");
    static final ValueRef DISPLAY_VERSION = ValueRef.of(CV, "DisplayVersion");
    static final ValueRef RELEASE_ID = ValueRef.of(CV, "ReleaseId");
    static final ValueRef PRODUCT_TYPE = ValueRef.of(PRODUCT_OPTIONS, "ProductType");
    static final ValueRef PROCESSOR_ARCHITECTURE = ValueRef.of(ENVIRONMENT, "PROCESSOR_ARCHITECTURE");

    /** The registry values identification reads. */
    public static final Set<ValueRef> NEEDS = Set.of(MAJOR, MINOR, CURRENT_VERSION, BUILD, BUILD_NUMBER, UBR,
            PRODUCT_NAME, EDITION, INSTALLATION_TYPE, CSD_VERSION, DISPLAY_VERSION, RELEASE_ID, PRODUCT_TYPE,
            PROCESSOR_ARCHITECTURE);

    private static final Pattern SERVICE_PACK = Pattern.compile("(\\d+)");

    private OsIdentifier() {
    }

    public static OsIdentity identify(HostFacts facts) {
        List<String> basis = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<SystemInfo> si = facts.systemInfo().asOptional();

        Optional<WindowsVersion> regVersion = registryVersion(facts);
        regVersion.ifPresent(v -> basis.add("registry CurrentVersion: NT " + v));
        Optional<WindowsVersion> siVersion = si.map(SystemInfo::version);
        siVersion.ifPresent(v -> basis.add("systeminfo: " + si.get().osName() + " " + v));
        if (regVersion.isPresent() && siVersion.isPresent() && !regVersion.get().equals(siVersion.get())) {
            notes.add("registry says NT " + regVersion.get() + " but systeminfo says " + siVersion.get()
                    + "; using the registry (is the evidence from two different hosts?)");
        }
        Optional<WindowsVersion> version = regVersion.isPresent() ? regVersion : siVersion;

        int servicePack = si.map(SystemInfo::servicePack).orElse(0);
        Optional<String> csd = string(facts, CSD_VERSION);
        if (csd.isPresent()) {
            Matcher m = SERVICE_PACK.matcher(csd.get());
            if (m.find()) {
                servicePack = Math.max(servicePack, Integer.parseInt(m.group(1)));
            }
        }
        // Build 6003 is Server 2008 SP2 with the 2019+ rollups (G7); 7601 is SP1 by definition.
        if (version.isPresent() && servicePack == 0) {
            int build = version.get().build();
            if (build == 6002 || build == 6003) {
                servicePack = 2;
            } else if (build == 6001 || build == 7601) {
                servicePack = 1;
            }
        }

        Optional<String> productName = string(facts, PRODUCT_NAME);
        Optional<String> installationType = string(facts, INSTALLATION_TYPE);
        Optional<ProductType> productType = productType(facts, si, productName, installationType, basis);
        Optional<Architecture> architecture = architecture(facts, si, basis);
        Optional<Integer> ubr = dword(facts, UBR).map(Long::intValue);
        Optional<String> edition = string(facts, EDITION);

        Optional<WindowsRelease> release = version.map(v -> release(v, productType));
        String name = name(release, version, servicePack, ubr, productType, string(facts, DISPLAY_VERSION)
                .or(() -> string(facts, RELEASE_ID)), installationType);
        if (productName.isPresent() && release.isPresent() && release.get() == WindowsRelease.WINDOWS_11
                && productName.get().contains("Windows 10")) {
            notes.add("ProductName says \"" + productName.get() + "\" but build " + version.get().build()
                    + " is Windows 11 (a known Windows quirk)");
        }
        if (version.isEmpty()) {
            // Say why the registry could not tell, when the source knows (e.g. "no SOFTWARE hive in DIR").
            String why = facts.value(BUILD) instanceof Fact.NotCollected<RegValue> nc ? " (" + nc.why() + ")" : "";
            notes.add("no OS evidence" + why + ": export " + CV + " or add systeminfo output");
        }
        return new OsIdentity(release, version, ubr, servicePack, productType, architecture, edition,
                installationType, name, basis, notes);
    }

    private static Optional<WindowsVersion> registryVersion(HostFacts facts) {
        Optional<Long> major = dword(facts, MAJOR);
        Optional<Long> minor = dword(facts, MINOR);
        Optional<Integer> build = string(facts, BUILD).or(() -> string(facts, BUILD_NUMBER))
                .flatMap(OsIdentifier::parseInt);
        if (build.isEmpty()) {
            return Optional.empty();
        }
        // CurrentMajorVersionNumber exists only on 10/2016+, where CurrentVersion is frozen at "6.3" (G3).
        if (major.isPresent()) {
            return Optional.of(new WindowsVersion(major.get().intValue(), minor.orElse(0L).intValue(), build.get()));
        }
        Optional<String> cv = string(facts, CURRENT_VERSION);
        if (cv.isPresent()) {
            String[] parts = cv.get().trim().split("\\.");
            if (parts.length == 2) {
                Optional<Integer> maj = parseInt(parts[0]);
                Optional<Integer> min = parseInt(parts[1]);
                if (maj.isPresent() && min.isPresent()) {
                    if (build.get() >= 10240) {
                        return Optional.of(new WindowsVersion(10, 0, build.get()));
                    }
                    return Optional.of(new WindowsVersion(maj.get(), min.get(), build.get()));
                }
            }
        }
        return build.get() >= 10240 ? Optional.of(new WindowsVersion(10, 0, build.get())) : Optional.empty();
    }

    private static Optional<ProductType> productType(HostFacts facts, Optional<SystemInfo> si,
            Optional<String> productName, Optional<String> installationType, List<String> basis) {
        Optional<ProductType> fromRegistry = string(facts, PRODUCT_TYPE).flatMap(ProductType::fromProductOptions);
        if (fromRegistry.isPresent()) {
            basis.add("registry ProductOptions\\ProductType: " + fromRegistry.get());
            return fromRegistry;
        }
        Optional<ProductType> fromSi = si.flatMap(SystemInfo::productType);
        if (fromSi.isPresent()) {
            basis.add("systeminfo OS Configuration: " + fromSi.get());
            return fromSi;
        }
        if (installationType.isPresent()) {
            String t = installationType.get().toLowerCase(Locale.ROOT);
            if (t.startsWith("server")) {
                basis.add("registry InstallationType: " + installationType.get());
                return Optional.of(ProductType.SERVER);
            }
            if (t.equals("client")) {
                basis.add("registry InstallationType: " + installationType.get());
                return Optional.of(ProductType.WORKSTATION);
            }
        }
        Optional<String> caption = productName.or(() -> si.map(SystemInfo::osName));
        if (caption.isPresent()) {
            boolean server = caption.get().toLowerCase(Locale.ROOT).contains("server");
            basis.add("OS name \"" + caption.get() + "\" " + (server ? "names" : "does not name") + " a server");
            return Optional.of(server ? ProductType.SERVER : ProductType.WORKSTATION);
        }
        return Optional.empty();
    }

    private static Optional<Architecture> architecture(HostFacts facts, Optional<SystemInfo> si, List<String> basis) {
        Optional<Architecture> fromReg = string(facts, PROCESSOR_ARCHITECTURE).flatMap(Architecture::parse);
        if (fromReg.isPresent()) {
            basis.add("registry PROCESSOR_ARCHITECTURE: " + fromReg.get());
            return fromReg;
        }
        Optional<Architecture> fromSi = si.flatMap(SystemInfo::architecture);
        if (fromSi.isPresent()) {
            basis.add("systeminfo System Type: " + fromSi.get());
            return fromSi;
        }
        // A WOW6432Node value in the evidence exists only on 64-bit Windows.
        boolean wow = facts.values().entrySet().stream()
                .anyMatch(e -> e.getKey().view() == RegistryView.WOW64_32 && e.getValue().isPresent());
        if (wow) {
            basis.add("WOW6432Node values present: 64-bit Windows");
            return Optional.of(Architecture.X64);
        }
        return Optional.empty();
    }

    static WindowsRelease release(WindowsVersion v, Optional<ProductType> type) {
        if (type.isEmpty()) {
            return v.major() < 6 ? legacy(v, false) : WindowsRelease.CLIENT_OR_SERVER;
        }
        boolean server = type.get().isServer();
        if (v.major() < 6) {
            return legacy(v, server);
        }
        if (v.major() == 6) {
            switch (v.minor()) {
                case 0:
                    return server ? WindowsRelease.SERVER_2008 : WindowsRelease.VISTA;
                case 1:
                    return server ? WindowsRelease.SERVER_2008_R2 : WindowsRelease.WINDOWS_7;
                case 2:
                    return server ? WindowsRelease.SERVER_2012 : WindowsRelease.WINDOWS_8;
                default:
                    return server ? WindowsRelease.SERVER_2012_R2 : WindowsRelease.WINDOWS_8_1;
            }
        }
        int b = v.build();
        if (!server) {
            // ProductName still says "Windows 10" on 11 (G2): the build decides.
            return b >= 22000 ? WindowsRelease.WINDOWS_11 : WindowsRelease.WINDOWS_10;
        }
        if (b == 14393) {
            return WindowsRelease.SERVER_2016;
        }
        if (b == 17763) {
            return WindowsRelease.SERVER_2019;
        }
        if (b == 20348) {
            return WindowsRelease.SERVER_2022;
        }
        if (b == 26100) {
            return WindowsRelease.SERVER_2025;
        }
        return WindowsRelease.SERVER_ANNUAL_CHANNEL;
    }

    private static WindowsRelease legacy(WindowsVersion v, boolean server) {
        // NT 5.2 is both Server 2003 and XP x64; NT 5.1 is XP only.
        return v.minor() == 2 && server ? WindowsRelease.SERVER_2003 : WindowsRelease.WINDOWS_XP;
    }

    private static String name(Optional<WindowsRelease> release, Optional<WindowsVersion> version, int sp,
            Optional<Integer> ubr, Optional<ProductType> type, Optional<String> feature,
            Optional<String> installationType) {
        if (version.isEmpty()) {
            return "unknown Windows";
        }
        WindowsVersion v = version.get();
        StringBuilder sb = new StringBuilder(release.get() == WindowsRelease.CLIENT_OR_SERVER
                ? "Windows NT " + v.major() + "." + v.minor() + " (client or server unknown)"
                : release.get().displayName());
        if (v.major() >= 10 && feature.isPresent() && !type.map(ProductType::isServer).orElse(false)) {
            sb.append(' ').append(feature.get());
        }
        if (sp > 0) {
            sb.append(" SP").append(sp);
        }
        if (installationType.map(t -> t.equalsIgnoreCase("Server Core")).orElse(false)) {
            sb.append(" (Server Core)");
        }
        sb.append(" (build ").append(v.build());
        ubr.ifPresent(u -> sb.append('.').append(u));
        sb.append(')');
        return sb.toString();
    }

    private static Optional<String> string(HostFacts facts, ValueRef ref) {
        Fact<RegValue> f = facts.value(ref);
        if (f.asOptional().orElse(null) instanceof RegValue.Str s && !s.value().isBlank()) {
            return Optional.of(s.value().trim());
        }
        return Optional.empty();
    }

    private static Optional<Long> dword(HostFacts facts, ValueRef ref) {
        if (facts.value(ref).asOptional().orElse(null) instanceof RegValue.Dword d) {
            return Optional.of(d.value());
        }
        return Optional.empty();
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
