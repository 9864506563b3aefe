package io.tlsready.adapters.winrm.wsman;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.InstalledUpdates;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.SystemInfo;
import io.tlsready.domain.facts.WindowsVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * OS identity and installed updates by WQL over WS-Man (root\cimv2). A fault (denied, class missing, timed out)
 * makes that fact NOT_COLLECTED with the fault's message, except a host-wide fault on the host's first request
 * (see {@link #systemInfo(List, boolean)}); transport failures propagate.
 */
public final class WqlFacts {

    public static final String OS_QUERY = "SELECT Caption,Version,BuildNumber,ProductType,OSArchitecture,"
            + "ServicePackMajorVersion,CSName,CSDVersion FROM Win32_OperatingSystem";
    public static final String QFE_QUERY = "SELECT HotFixID FROM Win32_QuickFixEngineering";

    static final String OS = "WMI Win32_OperatingSystem";
    static final String QFE = "WMI Win32_QuickFixEngineering";

    private final WsmanClient client;
    private final String location;

    /** @param location where warnings point, e.g. the host label */
    public WqlFacts(WsmanClient client, String location) {
        this.client = Objects.requireNonNull(client, "client");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Win32_OperatingSystem as a {@link SystemInfo}; warnings for oddities go to {@code warnings}. */
    public Fact<SystemInfo> systemInfo(List<EvidenceWarning> warnings) {
        return systemInfo(warnings, false);
    }

    /**
     * The same; when {@code firstContact} (the host's first request), a fault that says the host as a whole
     * cannot serve WS-Management now ({@link #hostWide}) propagates, so the host is reported as failed (and
     * retried when transient) instead of every fact ending NOT_COLLECTED with no error for the host.
     */
    public Fact<SystemInfo> systemInfo(List<EvidenceWarning> warnings, boolean firstContact) {
        List<WmiInstance> items;
        try {
            items = client.wql(OS_QUERY);
        } catch (WsmanFault f) {
            if (firstContact && hostWide(f)) {
                throw f;
            }
            return Fact.notCollected(OS + " query failed: " + f.getMessage());
        }
        if (items.isEmpty()) {
            return Fact.notCollected(OS + " returned no instance");
        }
        if (items.size() > 1) {
            warnings.add(new EvidenceWarning(where(OS), items.size() + " instances; using the first"));
        }
        return systemInfo(items.get(0), warnings);
    }

    /**
     * Faults about the host rather than the query: w:TimedOut, a quota, or an internal error of the WS-Management
     * service. Access denied, a missing class or namespace, and a WMI provider's failure (w:InternalError carrying a
     * WBEM_E_* code, 0x80041xxx, "The WMI provider returned an error") concern this query only: the registry may
     * still be readable.
     */
    static boolean hostWide(WsmanFault f) {
        return switch (f.kind()) {
            case TIMED_OUT, QUOTA_LIMIT -> true;
            case INTERNAL_ERROR -> !wmiProviderError(f);
            default -> false;
        };
    }

    private static boolean wmiProviderError(WsmanFault f) {
        return f.detail().wmiErrorCode().isPresent()
                || f.code().isPresent() && (f.code().getAsLong() & 0xFFFF_F000L) == 0x8004_1000L;
    }

    /** Maps one Win32_OperatingSystem instance (full or projected) to a {@link SystemInfo}. */
    Fact<SystemInfo> systemInfo(WmiInstance os, List<EvidenceWarning> warnings) {
        Optional<WindowsVersion> version = os.get("Version").flatMap(WindowsVersion::find);
        if (version.isEmpty()) {
            return Fact.notCollected(OS + " gave no usable Version (" + os.get("Version").orElse("none") + ")");
        }
        Optional<ProductType> productType = number(os, "ProductType").flatMap(ProductType::fromWmi);
        if (productType.isEmpty() && os.get("ProductType").isPresent()) {
            warnings.add(new EvidenceWarning(where(OS), "unknown ProductType " + os.get("ProductType").get()));
        }
        Optional<String> archText = os.get("OSArchitecture").filter(s -> !s.isBlank());
        Optional<Architecture> arch = archText.flatMap(Architecture::parse);
        if (archText.isPresent() && arch.isEmpty()) {
            warnings.add(new EvidenceWarning(where(OS), "unrecognised OSArchitecture \"" + archText.get() + "\""));
        }
        int sp = number(os, "ServicePackMajorVersion").map(Long::intValue).orElse(0);
        SystemInfo info = new SystemInfo(
                os.get("CSName").filter(s -> !s.isBlank()),
                os.get("Caption").orElse(""),
                version.get(),
                sp,
                productType,
                arch);
        return Fact.present(info, OS + " over WinRM");
    }

    /** Win32_QuickFixEngineering as a complete list; ids that hold no KB number become warnings. */
    public Fact<InstalledUpdates> installedUpdates(List<EvidenceWarning> warnings) {
        List<WmiInstance> items;
        try {
            items = client.wql(QFE_QUERY);
        } catch (WsmanFault f) {
            return Fact.notCollected(QFE + " query failed: " + f.getMessage());
        }
        Set<String> kbs = new TreeSet<>();
        List<String> ignored = new ArrayList<>();
        for (WmiInstance item : items) {
            String id = item.get("HotFixID").orElse("");
            Set<String> found = InstalledUpdates.findAll(id);
            if (found.isEmpty()) {
                ignored.add(id.isEmpty() ? "(empty)" : id);
            }
            kbs.addAll(found);
        }
        if (!ignored.isEmpty()) {
            warnings.add(new EvidenceWarning(where(QFE), "ignored " + ignored.size()
                    + " HotFixID(s) without a KB number: " + String.join(", ", ignored.subList(0,
                            Math.min(10, ignored.size()))) + (ignored.size() > 10 ? ", …" : "")));
        }
        return Fact.present(new InstalledUpdates(kbs, true), QFE + " over WinRM (" + items.size() + " entries)");
    }

    private String where(String what) {
        return location + " " + what;
    }

    private static Optional<Long> number(WmiInstance os, String property) {
        OptionalLong v = os.get(property).map(s -> InvokeResult.parseUnsigned(s, 32)).orElse(OptionalLong.empty());
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
