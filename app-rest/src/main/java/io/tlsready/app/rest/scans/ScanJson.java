package io.tlsready.app.rest.scans;

import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.scan.Scan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A scan as the API shows it (common to the scan routes, the list and the OpenAPI document's {@code Scan}). */
final class ScanJson {

    private ScanJson() {
    }

    static Map<String, Object> of(Scan scan) {
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            verdicts.put(v.name(), scan.count(v));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", scan.id());
        m.put("profile", scan.profile());
        m.put("requestedBy", scan.requestedBy());
        m.put("createdAt", time(scan.createdAt()));
        m.put("state", scan.state().name().toLowerCase(Locale.ROOT));
        m.put("total", scan.total());
        m.put("done", scan.done());
        m.put("verdicts", verdicts);
        m.put("unreachable", scan.unreachable());
        m.put("finishedAt", scan.finishedAt().map(ScanJson::time).orElse(null));
        return m;
    }

    static Map<String, Object> page(List<Scan> scans, int offset, int limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", scans.stream().map(ScanJson::of).toList());
        m.put("offset", offset);
        m.put("limit", limit);
        return m;
    }

    /** ISO-8601 UTC to the millisecond, as every timestamp of the API. */
    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
