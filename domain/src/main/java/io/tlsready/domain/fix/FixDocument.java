package io.tlsready.domain.fix;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.report.ExitPolicy;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.ReportDocument;
import io.tlsready.domain.report.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code tlsready.fix/v1} and {@code tlsready.rollback/v1} JSON documents, built once here so that every
 * output (json, each jsonl line) says the same: {@code {"schema","hosts":[{"host","applied","changes":[…],"journal",
 * "before":{"verdict"},"after":{"verdict","findings":[…]},"restart":[…],"manual":[…],"error"}]}}.
 */
public final class FixDocument {

    public static final String SCHEMA = "tlsready.fix/v1";
    public static final String ROLLBACK_SCHEMA = "tlsready.rollback/v1";

    private FixDocument() {
    }

    /**
     * @param notStarted the targets a staged run never started ({@code --canary}, {@code --max-failures}, Ctrl-C),
     *                   each with {@code why}: {@code "notStarted":[{"target","why"}]}, so the file alone says what
     *                   was left
     */
    public static Map<String, Object> of(List<HostFix> hosts, List<String> notStarted, String why, String toolVersion,
            String generatedAt) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("tool", ReportDocument.tool(toolVersion));
        root.put("generatedAt", generatedAt);
        List<Object> list = new ArrayList<>();
        hosts.forEach(h -> list.add(host(h)));
        root.put("hosts", list);
        root.put("exitCode", exitCode(hosts));
        List<Object> left = new ArrayList<>();
        for (String target : notStarted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", target);
            m.put("why", why);
            left.add(m);
        }
        root.put("notStarted", left);
        return root;
    }

    /**
     * One host as one JSON line, with the schema (a line stands on its own) and the target as given on the command
     * line or in the inventory ({@code --resume} matches on it).
     */
    public static Map<String, Object> line(String target, HostFix host) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("target", target);
        m.putAll(host(host));
        return m;
    }

    /**
     * A host the run never started, as one line: nothing was written to it, and its {@code error} says why, so
     * {@code --resume} tries it again.
     */
    public static Map<String, Object> notStartedLine(String target, String why) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("target", target);
        m.put("host", target);
        m.put("started", false);
        m.put("applied", false);
        m.put("changes", List.of());
        m.put("error", "not started: " + why);
        return m;
    }

    /** One host, as in {@code hosts[]} and as one JSON line. */
    public static Map<String, Object> host(HostFix h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", h.host());
        m.put("applied", h.applied());
        List<Object> changes = new ArrayList<>();
        h.changes().forEach(c -> changes.add(change(c)));
        m.put("changes", changes);
        m.put("journal", h.journal().orElse(null));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("verdict", h.before().name());
        m.put("before", before);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("predicted", !h.applied());
        after.put("verdict", h.after().map(HostReport::verdict).orElse(Verdict.UNKNOWN).name());
        List<Object> findings = new ArrayList<>();
        h.after().ifPresent(r -> r.findings().forEach(f -> findings.add(ReportDocument.finding(f))));
        after.put("findings", findings);
        m.put("after", after);
        m.put("restart", h.restart());
        m.put("manual", h.manual());
        m.put("error", h.error().orElse(null));
        return m;
    }

    public static Map<String, Object> change(ValueChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.ref().key());
        m.put("view", c.ref().view().label());
        m.put("name", c.ref().name());
        m.put("old", value(c.before()));
        m.put("new", value(Optional.of(c.after())));
        m.put("rule", c.rule().name());
        m.put("reason", c.reason());
        m.put("outcome", slug(c.outcome()));
        m.put("why", c.why().isEmpty() ? null : c.why());
        return m;
    }

    public static Map<String, Object> rollback(List<Rollback.Result> results, String toolVersion,
            String generatedAt) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", ROLLBACK_SCHEMA);
        root.put("tool", ReportDocument.tool(toolVersion));
        root.put("generatedAt", generatedAt);
        List<Object> hosts = new ArrayList<>();
        for (Rollback.Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", r.host());
            m.put("journal", r.journal());
            m.put("complete", r.complete());
            List<Object> values = new ArrayList<>();
            r.values().forEach(v -> values.add(change(v)));
            m.put("values", values);
            List<Object> keys = new ArrayList<>();
            for (Rollback.KeyOutcome k : r.keys()) {
                Map<String, Object> km = new LinkedHashMap<>();
                km.put("key", k.key().key());
                km.put("view", k.key().view().label());
                km.put("outcome", slug(k.outcome()));
                km.put("why", k.why().isEmpty() ? null : k.why());
                keys.add(km);
            }
            m.put("keys", keys);
            m.put("error", r.error().orElse(null));
            hosts.add(m);
        }
        root.put("hosts", hosts);
        return root;
    }

    /**
     * 0 when every host holds (fixed and verified, or nothing to do; in a dry run: READY already), 1 when some host
     * is NOT_READY after the run or its fix failed, 3 when some host could not be reached or audited again.
     */
    public static int exitCode(List<HostFix> hosts) {
        int ready = 0;
        int notReady = 0;
        int unknown = 0;
        int unreachable = 0;
        for (HostFix h : hosts) {
            if (h.changes().isEmpty() && h.error().isPresent()) {
                unreachable++;
            } else if (h.error().isPresent()) {
                notReady++;
            } else {
                Verdict v = h.applied() ? h.after().map(HostReport::verdict).orElse(Verdict.UNKNOWN) : h.before();
                switch (v) {
                    case READY -> ready++;
                    case NOT_READY -> notReady++;
                    default -> unknown++;
                }
            }
        }
        return ExitPolicy.of(new ExitPolicy.VerdictCounts(ready, notReady, unknown, unreachable)).code();
    }

    /** {@code LEFT_WRITTEN} as {@code left-written}: how the JSON names an outcome. */
    private static String slug(Enum<?> outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static Object value(Optional<RegValue> v) {
        if (v.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", v.get().typeName());
        m.put("display", v.get().display());
        return m;
    }
}
