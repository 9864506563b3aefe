package io.tlsready.domain.report;

import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many findings have each status, and how many of them are a core rule's UNKNOWN (which keeps the verdict
 * from READY): counted once here for the text and HTML reports, the JUnit totals and the JSON summary.
 *
 * @param byStatus        every status, zero included, in {@link Status} order
 * @param decidingUnknown findings for which {@link Verdict#unknownDecides(Finding)} holds
 */
public record StatusCounts(Map<Status, Integer> byStatus, int decidingUnknown) {

    public StatusCounts {
        Map<Status, Integer> all = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            all.put(s, byStatus.getOrDefault(s, 0));
        }
        byStatus = Collections.unmodifiableMap(all);
    }

    public static StatusCounts of(Collection<Finding> findings) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        int deciding = 0;
        for (Finding f : findings) {
            counts.merge(f.status(), 1, Integer::sum);
            if (Verdict.unknownDecides(f)) {
                deciding++;
            }
        }
        return new StatusCounts(counts, deciding);
    }

    /** Every finding of every host of the report. */
    public static StatusCounts of(AuditReport report) {
        return of(report.hosts().stream().flatMap(h -> h.findings().stream()).toList());
    }

    public int count(Status status) {
        return byStatus.get(status);
    }

    /** UNKNOWN findings whose rule is not core: they do not decide the verdict. */
    public int otherUnknown() {
        return count(Status.UNKNOWN) - decidingUnknown;
    }

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
