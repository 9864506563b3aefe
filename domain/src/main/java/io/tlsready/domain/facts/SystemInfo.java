package io.tlsready.domain.facts;

import java.util.Objects;
import java.util.Optional;

/**
 * OS identity as read from text evidence (systeminfo, WMI): whatever the locale, the parser maps it
 * onto these fields. Empty optionals mean the evidence did not say.
 *
 * @param hostName     the computer name, if the evidence names it
 * @param osName       the OS caption as printed, e.g. "Microsoft Windows Server 2008 R2 Standard"
 * @param version      NT version and build, e.g. "6.1.7601"
 * @param servicePack  service pack major number, 0 when none
 * @param productType  workstation / server / DC, from "OS Configuration" or ProductType
 * @param architecture from "System Type" or OSArchitecture
 */
public record SystemInfo(
        Optional<String> hostName,
        String osName,
        WindowsVersion version,
        int servicePack,
        Optional<ProductType> productType,
        Optional<Architecture> architecture) {

    public SystemInfo {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(productType, "productType");
        Objects.requireNonNull(architecture, "architecture");
    }
}
