package io.tlsready.sim.wmi;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.SystemInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two WMI classes a simulated host serves, as rows of properties: Win32_OperatingSystem from the SystemInfo
 * fact (Caption, Version, BuildNumber, ProductType, OSArchitecture, ServicePackMajorVersion, CSDVersion, CSName),
 * Win32_QuickFixEngineering from the InstalledUpdates fact (one instance per KB).
 */
final class Win32Classes {

    static final String OS_CLASS = "Win32_OperatingSystem";
    static final String QFE_CLASS = "Win32_QuickFixEngineering";

    private final String machine;
    private final Fact<SystemInfo> systemInfo;
    private final Fact<InstalledUpdates> updates;

    Win32Classes(String machine, Fact<SystemInfo> systemInfo, Fact<InstalledUpdates> updates) {
        this.machine = machine;
        this.systemInfo = systemInfo;
        this.updates = updates;
    }

    /** Whether {@code className} (any case) is one of the two classes. */
    static boolean isServed(String className) {
        return className.equalsIgnoreCase(OS_CLASS) || className.equalsIgnoreCase(QFE_CLASS);
    }

    /** The class name as Windows spells it. */
    static String canonical(String className) {
        return className.equalsIgnoreCase(OS_CLASS) ? OS_CLASS : QFE_CLASS;
    }

    /** The rows of one of the two classes, empty when the evidence cannot produce them. */
    Optional<List<Map<String, String>>> rows(String className) {
        return className.equalsIgnoreCase(OS_CLASS) ? systemInfo.asOptional().map(this::operatingSystem)
                : updates.asOptional().map(this::quickFixes);
    }

    private List<Map<String, String>> operatingSystem(SystemInfo si) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("BuildNumber", String.valueOf(si.version().build()));
        row.put("Caption", si.osName());
        row.put("CSDVersion", si.servicePack() > 0 ? "Service Pack " + si.servicePack() : null);
        // nil when the evidence has no computer name, so a client labels the host exactly as the offline audit does
        row.put("CSName", si.hostName().orElse(null));
        row.put("OSArchitecture", si.architecture().map(Win32Classes::osArchitecture).orElse(null));
        row.put("ProductType", si.productType().map(Win32Classes::productType).orElse(null));
        row.put("ServicePackMajorVersion", String.valueOf(si.servicePack()));
        row.put("ServicePackMinorVersion", "0");
        row.put("Version", si.version().toString());
        return List.of(row);
    }

    private List<Map<String, String>> quickFixes(InstalledUpdates u) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String kb : u.kbs()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("Caption", "http://support.microsoft.com/?kbid=" + kb.substring(2));
            row.put("CSName", systemInfo.asOptional().flatMap(SystemInfo::hostName).orElse(machine));
            row.put("Description", "Update");
            row.put("HotFixID", kb);
            row.put("InstalledBy", null);
            row.put("InstalledOn", null);
            rows.add(row);
        }
        return rows;
    }

    private static String osArchitecture(Architecture a) {
        switch (a) {
            case X86:
                return "32-bit";
            case ARM64:
                return "ARM 64-bit Processor";
            case IA64:
                return "Itanium-based";
            default:
                return "64-bit";
        }
    }

    private static String productType(ProductType t) {
        switch (t) {
            case WORKSTATION:
                return "1";
            case DOMAIN_CONTROLLER:
                return "2";
            default:
                return "3";
        }
    }
}
