package io.tlsready.domain.facts;

import java.util.Objects;

/**
 * Where a host's facts came from: a file and its kind, a live registry, a remote host.
 *
 * @param kind     e.g. "reg-export", "systeminfo", "wmic-qfe", "get-hotfix", "snapshot", "live-registry"
 * @param location a file path or host name
 * @param detail   free text, e.g. "UTF-16LE, 3 export roots" or a SHA-256
 */
public record Provenance(String kind, String location, String detail) {
    public Provenance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(detail, "detail");
    }
}
