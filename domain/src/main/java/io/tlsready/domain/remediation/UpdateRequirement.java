package io.tlsready.domain.remediation;

import java.util.Objects;

/** A Windows update the host needs. tlsready names it and links it; it never downloads anything. */
public record UpdateRequirement(String kb, String title, String url, String howToConfirm) {
    public UpdateRequirement {
        Objects.requireNonNull(kb);
        Objects.requireNonNull(title);
        Objects.requireNonNull(url);
        Objects.requireNonNull(howToConfirm);
    }
}
