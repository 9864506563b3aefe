package io.tlsready.domain.facts;

import java.util.Locale;
import java.util.Optional;

/**
 * Workstation or server. Several client/server pairs share a build number (rule book G1), so this,
 * not the build, decides e.g. Windows 10 1607 vs Server 2016.
 */
public enum ProductType {
    WORKSTATION, SERVER, DOMAIN_CONTROLLER;

    public boolean isServer() {
        return this != WORKSTATION;
    }

    /** Registry {@code Control\ProductOptions\ProductType}: WinNT, ServerNT, LanmanNT. */
    public static Optional<ProductType> fromProductOptions(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "winnt" -> Optional.of(WORKSTATION);
            case "servernt" -> Optional.of(SERVER);
            case "lanmannt" -> Optional.of(DOMAIN_CONTROLLER);
            default -> Optional.empty();
        };
    }

    /** WMI {@code Win32_OperatingSystem.ProductType}: 1, 2, 3. */
    public static Optional<ProductType> fromWmi(long code) {
        return switch ((int) code) {
            case 1 -> Optional.of(WORKSTATION);
            case 2 -> Optional.of(DOMAIN_CONTROLLER);
            case 3 -> Optional.of(SERVER);
            default -> Optional.empty();
        };
    }
}
