package io.tlsready.formats.html;

import io.tlsready.domain.history.CauseCount;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report template shows of a run: the counts, what to fix first, one row per host, and each finding kind
 * once. A kind is a finding without what a host observed (rule, status, texts, where the evidence is read and what
 * it should be, fix, sources): a thousand hosts failing a rule the same way share one kind, and their details carry
 * only the status, a link to the kind and what each host observed, so the file grows with what differs.
 */
record FleetView(AuditReport report, Map<Verdict, Integer> verdicts, List<HostRow> rows, List<RuleCount> fixFirst,
        List<CauseCount> causes, List<Kind> kinds, List<RuleLine> rules) {

    /** One host: its row in the table and its collapsed details. */
    record HostRow(int n, HostReport host, List<RuleId> failing, Optional<FailureCause> cause, List<Line> lines,
            List<Line> passed) {

        String id() {
            return "host-" + n;
        }

        String failingAttr() {
            return String.join(" ", failing.stream().map(RuleId::name).toList());
        }

        /** The cause's name, null when the host was audited (the attribute is then left out). */
        String causeName() {
            return cause.map(FailureCause::name).orElse(null);
        }
    }

    /** A host's finding: the kind it is, and what the host observed for each piece of the kind's evidence. */
    record Line(Finding finding, Kind kind) {
    }

    /** A finding as every host with it shares it. */
    record Kind(int n, Finding sample, int hosts) {

        String id() {
            return "k-" + n;
        }
    }

    /** A rule across the fleet: hosts per status, and the hosts that could not be audited (no finding at all). */
    record RuleLine(RuleId rule, Map<Status, Integer> counts, int notAudited) {

        int count(Status s) {
            return counts.getOrDefault(s, 0);
        }
    }

    private record Spot(String path, String view, String valueName, String expected) {
    }

    private record Key(RuleId rule, Status status, String title, String detail, Optional<Remediation> fix,
            List<Source> sources, List<Spot> spots) {

        static Key of(Finding f) {
            return new Key(f.rule(), f.status(), f.title(), f.detail(), f.remediation(), f.reference(),
                    f.evidence().stream().map(e -> new Spot(e.path(), e.view(), e.valueName(), e.expected())).toList());
        }
    }

    boolean single() {
        return report.hosts().size() == 1;
    }

    int total() {
        return report.hosts().size();
    }

    int verdict(Verdict v) {
        return verdicts.get(v);
    }

    long unreachable() {
        return causes.stream().mapToLong(CauseCount::hosts).sum();
    }

    static FleetView of(AuditReport report) {
        Map<Key, Finding> samples = new LinkedHashMap<>();
        Map<Key, Integer> counts = new LinkedHashMap<>();
        for (HostReport h : report.hosts()) {
            for (Finding f : h.findings()) {
                Key k = Key.of(f);
                samples.putIfAbsent(k, f);
                counts.merge(k, 1, Integer::sum);
            }
        }
        List<Key> ordered = new ArrayList<>(samples.keySet());
        ordered.sort(Comparator.comparingInt((Key k) -> Text.rank(k.status())).thenComparing(Key::rule));
        Map<Key, Kind> kinds = new LinkedHashMap<>();
        for (Key k : ordered) {
            kinds.put(k, new Kind(kinds.size() + 1, samples.get(k), counts.get(k)));
        }
        List<HostRow> rows = new ArrayList<>();
        Map<RuleId, Integer> failing = new EnumMap<>(RuleId.class);
        Map<FailureCause, Integer> causes = new EnumMap<>(FailureCause.class);
        for (HostReport h : report.hosts()) {
            List<Line> lines = new ArrayList<>();
            List<Line> passed = new ArrayList<>();
            for (Finding f : Text.failFirst(h.findings())) {
                Line line = new Line(f, kinds.get(Key.of(f)));
                (f.status() == Status.PASS || f.status() == Status.NOT_APPLICABLE ? passed : lines).add(line);
            }
            List<RuleId> fails = h.findings().stream().filter(f -> f.status() == Status.FAIL).map(Finding::rule)
                    .distinct().toList();
            fails.forEach(r -> failing.merge(r, 1, Integer::sum));
            Optional<FailureCause> cause = FailureCause.of(h);
            cause.ifPresent(c -> causes.merge(c, 1, Integer::sum));
            rows.add(new HostRow(rows.size() + 1, h, fails, cause, lines, passed));
        }
        List<RuleCount> fixFirst = failing.entrySet().stream().map(e -> new RuleCount(e.getKey(), e.getValue()))
                .sorted(RuleCount.MOST_HOSTS_FIRST).toList();
        List<CauseCount> causeCounts = causes.entrySet().stream().map(e -> new CauseCount(e.getKey(), e.getValue()))
                .sorted(CauseCount.MOST_HOSTS_FIRST)
                .toList();
        return new FleetView(report, report.verdictCounts(), rows, fixFirst, causeCounts,
                List.copyOf(kinds.values()), rules(report));
    }

    private static List<RuleLine> rules(AuditReport report) {
        int notAudited = (int) report.hosts().stream().filter(h -> h.error().isPresent()).count();
        List<RuleLine> lines = new ArrayList<>();
        for (RuleId rule : RuleId.values()) {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            report.hosts().forEach(h -> h.findings().stream().filter(f -> f.rule() == rule)
                    .forEach(f -> counts.merge(f.status(), 1, Integer::sum)));
            lines.add(new RuleLine(rule, counts, notAudited));
        }
        return lines;
    }
}
