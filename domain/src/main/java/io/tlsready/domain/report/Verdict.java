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
        if (findings.stream().anyMatch(Verdict::unknownDecides)) {
            return UNKNOWN;
        }
        return READY;
    }

    /**
     * "A core rule's UNKNOWN decides the verdict": true for exactly the findings that make a host UNKNOWN when
     * nothing FAILs. A non-core rule's UNKNOWN never does. The JUnit and SARIF reports mark these findings with
     * this same test, so a report never disagrees with the verdict above it.
     */
    public static boolean unknownDecides(Finding f) {
        return f.status() == Status.UNKNOWN && f.rule().core();
    }
}
