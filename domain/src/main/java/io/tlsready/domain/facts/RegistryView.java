package io.tlsready.domain.facts;

/**
 * Which registry view a value is read from. On 64-bit Windows, 32-bit processes see
 * {@code HKLM\SOFTWARE} redirected to {@code HKLM\SOFTWARE\WOW6432Node} (rule book G9, [S20]).
 */
public enum RegistryView {
    /** The native view: 64-bit on x64 Windows, the only view on x86. */
    NATIVE,
    /** The 32-bit view of an x64 host: {@code HKLM\SOFTWARE\WOW6432Node\…}. */
    WOW64_32;

    /** The label used in reports and JSON. */
    public String label() {
        return this == NATIVE ? "64-bit" : "32-bit";
    }
}
