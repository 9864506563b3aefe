package io.tlsready.domain.facts;

import java.util.Locale;
import java.util.Objects;

/**
 * One registry value a rule asks for: a key path in its native spelling (always
 * {@code HKLM\...}, never {@code WOW6432Node}, never {@code CurrentControlSet} aliases resolved),
 * the view to read it in, and the value name ({@code ""} for the default value).
 * Equality is case-insensitive, like the registry.
 */
public record ValueRef(String key, RegistryView view, String name) {

    public ValueRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(name, "name");
        key = RegistryPaths.normalize(key);
        if (view == RegistryView.WOW64_32 && !RegistryPaths.isRedirected(key)) {
            throw new IllegalArgumentException("only HKLM\\SOFTWARE has a 32-bit view: " + key);
        }
    }

    public static ValueRef of(String key, String name) {
        return new ValueRef(key, RegistryView.NATIVE, name);
    }

    public static ValueRef wow32(String key, String name) {
        return new ValueRef(key, RegistryView.WOW64_32, name);
    }

    /** The same value in the other view. */
    public ValueRef inView(RegistryView other) {
        return new ValueRef(key, other, name);
    }

    /** The key path as it would appear in a file or tool that has no views ({@code WOW6432Node} spelled out). */
    public String physicalKey() {
        return view == RegistryView.WOW64_32 ? RegistryPaths.toWow6432Node(key) : key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueRef other
                && view == other.view
                && key.equalsIgnoreCase(other.key)
                && name.equalsIgnoreCase(other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key.toUpperCase(Locale.ROOT), view, name.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return physicalKey() + "\\" + (name.isEmpty() ? "(Default)" : name);
    }
}
