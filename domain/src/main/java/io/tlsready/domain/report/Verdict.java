package io.tlsready.domain.report;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import java.util.List;

/** A host's answer: can it speak TLS 1.2 to Azure Backup? */
public enum Verdict {
    READY, NOT_READY, UNKNOWN;

    /** NOT_READY if any FAIL; else UNKNOWN if any core rule is UNKNOWN; else READY (design.md). */
    public static Verdict of(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.status() == Status.FAIL)) {
            return NOT_READY;
        }
        if (findings.stream().anyMatch(f -> f.rule().core() && f.status() == Status.UNKNOWN)) {
            return UNKNOWN;
        }
        return READY;
    }
}
