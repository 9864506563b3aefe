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
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        hosts.forEach(h -> h.findings().forEach(f -> counts.merge(f.status(), 1, Integer::sum)));
        return counts;
    }

    /** 0 every host READY; 1 some NOT_READY; 3 otherwise (some UNKNOWN or unreachable) — design.md. */
    public int exitCode() {
        Map<Verdict, Integer> c = verdictCounts();
        if (c.get(Verdict.NOT_READY) > 0) {
            return 1;
        }
        return c.get(Verdict.UNKNOWN) > 0 || hosts.isEmpty() ? 3 : 0;
    }
}
