package io.tlsready.domain.facts;

import java.util.Locale;
import java.util.Objects;

/**
 * One registry key a rule asks about by existence alone (a certificate thumbprint under a store's
 * {@code Certificates} key, say): the key path in its native spelling and the view. Equality is case-insensitive,
 * like the registry. Sources answer it with PRESENT (the key exists; the value is the path as the source spelled
 * it), ABSENT (the source covers the place and the key is not there) or NOT_COLLECTED.
 */
public record KeyRef(String key, RegistryView view) {

    public KeyRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(view, "view");
        key = RegistryPaths.normalize(key);
        if (view == RegistryView.WOW64_32 && !RegistryPaths.isRedirected(key)) {
            throw new IllegalArgumentException("only HKLM\\SOFTWARE has a 32-bit view: " + key);
        }
    }

    public static KeyRef of(String key) {
        return new KeyRef(key, RegistryView.NATIVE);
    }

    /** The key path as it would appear in a file or tool that has no views ({@code WOW6432Node} spelled out). */
    public String physicalKey() {
        return view == RegistryView.WOW64_32 ? RegistryPaths.toWow6432Node(key) : key;
    }

    /** The parent key and the last path segment. */
    public String parent() {
        return RegistryPaths.parent(key);
    }

    public String leaf() {
        return key.substring(key.lastIndexOf('\\') + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRef other && view == other.view && key.equalsIgnoreCase(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key.toUpperCase(Locale.ROOT), view);
    }

    @Override
    public String toString() {
        return physicalKey();
    }
}
