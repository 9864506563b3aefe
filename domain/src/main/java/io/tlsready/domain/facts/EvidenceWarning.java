package io.tlsready.domain.facts;

import java.util.Objects;

/** Something a reader skipped or doubted, with where: "file.reg:17". Shown in every report. */
public record EvidenceWarning(String location, String message) {
    public EvidenceWarning {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
