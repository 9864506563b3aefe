package io.tlsready.domain.report;

import io.tlsready.domain.rules.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The result of one run: every host, and the counts scripts read. */
public record AuditReport(List<HostReport> hosts, String toolVersion, String generatedAt) {

    public static final String SCHEMA = "tlsready.report/v1";

    public AuditReport {
        hosts = List.copyOf(hosts);
    }

    public Map<Verdict, Integer> verdictCounts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        hosts.forEach(h -> counts.merge(h.verdict(), 1, Integer::sum));
        return counts;
    }

    public Map<Status, Integer> statusCounts() {
        return StatusCounts.of(this).byStatus();
    }

    /** The code of {@link ExitPolicy}: 0 every host READY; 1 some NOT_READY; 3 otherwise (design.md). */
    public int exitCode() {
        return ExitPolicy.of(this).code();
    }
}
