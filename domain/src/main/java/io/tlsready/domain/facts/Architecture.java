package io.tlsready.domain.facts;

import java.util.Locale;
import java.util.Optional;

/** Processor architecture of the Windows installation (not of the JVM reading it). */
public enum Architecture {
    X64, X86, ARM64, IA64;

    /** True when HKLM\SOFTWARE has a separate 32-bit view (WOW6432Node). */
    public boolean hasWow64View() {
        return this != X86;
    }

    /**
     * Parses the spellings Windows uses: PROCESSOR_ARCHITECTURE (AMD64, x86, ARM64, IA64),
     * systeminfo "System Type" (x64-based PC, X86-based PC, ARM64-based PC, Itanium-based),
     * WMI OSArchitecture ("64-bit", "32-bit", "64 bits", "ARM 64-bit Processor").
     */
    public static Optional<Architecture> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.contains("arm64") || t.contains("arm 64")) {
            return Optional.of(ARM64);
        }
        if (t.contains("ia64") || t.contains("itanium")) {
            return Optional.of(IA64);
        }
        if (t.contains("amd64") || t.contains("x64") || t.contains("64-bit") || t.contains("64 bit")
                || t.contains("x86_64") || t.startsWith("64")) {
            return Optional.of(X64);
        }
        if (t.contains("x86") || t.contains("32-bit") || t.contains("32 bit") || t.startsWith("32")) {
            return Optional.of(X86);
        }
        return Optional.empty();
    }
}
