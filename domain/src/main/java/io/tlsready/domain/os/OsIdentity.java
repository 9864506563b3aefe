package io.tlsready.domain.os;

import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.WindowsVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Windows a host runs, and how we know. {@code version} is empty when no evidence identified it.
 *
 * @param name         a human name, e.g. "Windows Server 2008 SP2 (build 6003)"
 * @param basis        one line per piece of evidence used ("systeminfo: OS Version 6.0.6003 …")
 * @param notes        doubts and contradictions worth showing
 */
public record OsIdentity(
        Optional<WindowsRelease> release,
        Optional<WindowsVersion> version,
        Optional<Integer> ubr,
        int servicePack,
        Optional<ProductType> productType,
        Optional<Architecture> architecture,
        Optional<String> edition,
        Optional<String> installationType,
        String name,
        List<String> basis,
        List<String> notes) {

    public OsIdentity {
        Objects.requireNonNull(release);
        Objects.requireNonNull(version);
        Objects.requireNonNull(ubr);
        Objects.requireNonNull(productType);
        Objects.requireNonNull(architecture);
        Objects.requireNonNull(edition);
        Objects.requireNonNull(installationType);
        Objects.requireNonNull(name);
        basis = List.copyOf(basis);
        notes = List.copyOf(notes);
    }

    public boolean identified() {
        return version.isPresent();
    }

    /** True for Server Core installations (MARS does not support them, G8/[S10]). */
    public boolean serverCore() {
        return installationType.map(t -> t.equalsIgnoreCase("Server Core")).orElse(false);
    }

    /** NT major.minor equals, false when unidentified. */
    public boolean isNt(int major, int minor) {
        return version.map(v -> v.isNt(major, minor)).orElse(false);
    }

    /** NT major.minor at least, false when unidentified. */
    public boolean ntAtLeast(int major, int minor) {
        return version.map(v -> v.ntAtLeast(major, minor)).orElse(false);
    }

    public int build() {
        return version.map(WindowsVersion::build).orElse(0);
    }
}
