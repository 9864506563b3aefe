package io.tlsready.domain.testing;

import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Activity;
import io.tlsready.domain.history.CauseCount;
import io.tlsready.domain.history.DailyVerdicts;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostKey;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.scan.LeasedTarget;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanRequest;
import io.tlsready.domain.scan.ScanState;
import io.tlsready.domain.scan.ScanTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The four storage ports in memory, one lock for everything: the reference the storage contracts are written
 * against, and the store of tests that are about something else. Not durable, not shared between processes.
 */
public final class InMemoryStore implements ReportHistory, ScanQueue, AccessTokens, ActivityLog {

    private final List<StoredReport> reports = new ArrayList<>();
    private final Map<String, ScanRow> scans = new LinkedHashMap<>();
    private final List<TargetRow> targets = new ArrayList<>();
    private final List<AccessToken> tokens = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();

    private static final class ScanRow {
        Scan scan;

        ScanRow(Scan scan) {
            this.scan = scan;
        }
    }

    private static final class TargetRow {
        final long id;
        final String scanId;
        final int seq;
        final ScanTarget target;
        String owner;
        Instant until;
        boolean done;
        StoredReport report;

        TargetRow(long id, String scanId, int seq, ScanTarget target) {
            this.id = id;
            this.scanId = scanId;
            this.seq = seq;
            this.target = target;
        }
    }

    // ReportHistory

    @Override
    public synchronized StoredReport save(HostReport report, Instant auditedAt) {
        return append(report, auditedAt, Optional.empty());
    }

    private StoredReport append(HostReport report, Instant at, Optional<String> scanId) {
        StoredReport stored = new StoredReport(reports.size() + 1L, report, at, scanId);
        reports.add(stored);
        return stored;
    }

    @Override
    public synchronized Page<HostSummary> latest(HostQuery query) {
        Comparator<HostSummary> byKey = switch (query.sort()) {
            case NAME -> Comparator.comparing(s -> HostKey.of(s.host()));
            case VERDICT -> Comparator.comparing(HostSummary::verdict);
            case AUDITED -> Comparator.comparing(HostSummary::auditedAt);
            case FAILING -> Comparator.comparingInt(s -> s.failing().size());
        };
        Comparator<HostSummary> order = (query.descending() ? byKey.reversed() : byKey)
                .thenComparing(s -> HostKey.of(s.host()));
        List<HostSummary> matching = latestByHost().values().stream()
                .map(HostSummary::of)
                .filter(s -> query.verdict().map(v -> v == s.verdict()).orElse(true))
                .filter(s -> query.failingRule().map(rule -> s.failing().contains(rule)).orElse(true))
                .filter(s -> query.cause().map(c -> s.cause().equals(Optional.of(c))).orElse(true))
                .filter(s -> query.nameContains().map(n -> HostKey.of(s.host())
                        .contains(n.toLowerCase(Locale.ROOT))).orElse(true))
                .sorted(order)
                .toList();
        List<HostSummary> page = matching.stream().skip(query.offset()).limit(query.limit()).toList();
        return new Page<>(page, matching.size(), query.offset(), query.limit());
    }

    /** Each host's last saved report, by host key. */
    private Map<String, StoredReport> latestByHost() {
        Map<String, StoredReport> latest = new TreeMap<>();
        reports.forEach(r -> latest.put(HostKey.of(r.host()), r)); // later ids win
        return latest;
    }

    @Override
    public synchronized List<RuleCount> failingRules() {
        Map<RuleId, Long> counts = new EnumMap<>(RuleId.class);
        latestByHost().values()
                .forEach(r -> HostSummary.of(r).failing().forEach(rule -> counts.merge(rule, 1L, Long::sum)));
        return counts.entrySet().stream().map(e -> new RuleCount(e.getKey(), e.getValue()))
                .sorted(RuleCount.MOST_HOSTS_FIRST).toList();
    }

    @Override
    public synchronized List<CauseCount> failureCauses() {
        Map<FailureCause, Long> counts = new EnumMap<>(FailureCause.class);
        latestByHost().values().forEach(r -> FailureCause.of(r.report()).ifPresent(c -> counts.merge(c, 1L, Long::sum)));
        return counts.entrySet().stream().map(e -> new CauseCount(e.getKey(), e.getValue()))
                .sorted(CauseCount.MOST_HOSTS_FIRST).toList();
    }

    @Override
    public synchronized List<DailyVerdicts> readiness(LocalDate from, LocalDate to) {
        int days = ReportHistory.days(from, to);
        List<DailyVerdicts> out = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            LocalDate day = from.plusDays(d);
            Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<String, StoredReport> asOf = new HashMap<>();
            // the last saved report made before the day's end, as latest() takes the last saved one
            reports.stream().filter(r -> r.auditedAt().isBefore(end)).forEach(r -> asOf.put(HostKey.of(r.host()), r));
            Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
            asOf.values().forEach(r -> n.merge(r.report().verdict(), 1, Integer::sum));
            out.add(new DailyVerdicts(day, n.getOrDefault(Verdict.READY, 0), n.getOrDefault(Verdict.NOT_READY, 0),
                    n.getOrDefault(Verdict.UNKNOWN, 0)));
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized List<StoredReport> history(String host, int limit) {
        String key = HostKey.of(host);
        return reports.stream().filter(r -> HostKey.of(r.host()).equals(key))
                .sorted(Comparator.comparingLong(StoredReport::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized Optional<StoredReport> report(long id) {
        return reports.stream().filter(r -> r.id() == id).findFirst();
    }

    // ScanQueue

    @Override
    public synchronized Scan create(ScanRequest request, Instant at) {
        String id = UUID.randomUUID().toString();
        Scan scan = new Scan(id, request.profile(), request.requestedBy(), at, ScanState.RUNNING,
                request.targets().size(), Map.of(), 0, Optional.empty());
        scans.put(id, new ScanRow(scan));
        for (int i = 0; i < request.targets().size(); i++) {
            targets.add(new TargetRow(targets.size() + 1L, id, i, request.targets().get(i)));
        }
        return scan;
    }

    @Override
    public synchronized Optional<Scan> scan(String id) {
        return Optional.ofNullable(scans.get(id)).map(r -> r.scan);
    }

    @Override
    public synchronized List<Scan> scans(int offset, int limit) {
        List<Scan> all = new ArrayList<>(scans.values().stream().map(r -> r.scan).toList());
        java.util.Collections.reverse(all);
        return all.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long running() {
        return scans.values().stream().filter(r -> r.scan.state() == ScanState.RUNNING).count();
    }

    @Override
    public synchronized List<LeasedTarget> lease(String owner, int max, Instant now, Duration leaseFor) {
        List<LeasedTarget> leased = new ArrayList<>();
        for (TargetRow t : targets) {
            if (leased.size() >= max) {
                break;
            }
            ScanRow scan = scans.get(t.scanId);
            boolean free = t.owner == null || t.until.isBefore(now);
            if (!t.done && free && scan.scan.state() == ScanState.RUNNING) {
                t.owner = owner;
                t.until = now.plus(leaseFor);
                leased.add(leaseOf(t));
            }
        }
        return List.copyOf(leased);
    }

    private LeasedTarget leaseOf(TargetRow t) {
        return new LeasedTarget(t.id, t.scanId, t.seq, t.target, scans.get(t.scanId).scan.profile(), t.owner, t.until);
    }

    @Override
    public synchronized List<LeasedTarget> renew(String owner, List<LeasedTarget> held, Instant until) {
        List<LeasedTarget> renewed = new ArrayList<>();
        for (LeasedTarget l : held) {
            TargetRow t = row(l.targetId());
            if (t != null && !t.done && owner.equals(t.owner)
                    && scans.get(t.scanId).scan.state() == ScanState.RUNNING) {
                t.until = until;
                renewed.add(leaseOf(t));
            }
        }
        return List.copyOf(renewed);
    }

    private TargetRow row(long id) {
        return targets.stream().filter(t -> t.id == id).findFirst().orElse(null);
    }

    @Override
    public synchronized Optional<StoredReport> complete(LeasedTarget lease, HostReport report, Instant at) {
        TargetRow t = row(lease.targetId());
        ScanRow scan = t == null ? null : scans.get(t.scanId);
        // the lease holds while nobody else took it: an expired lease nobody took yet still counts
        if (t == null || t.done || !lease.owner().equals(t.owner) || scan.scan.state() != ScanState.RUNNING) {
            return Optional.empty();
        }
        t.done = true;
        StoredReport stored = append(report, at, Optional.of(t.scanId));
        t.report = stored;
        Scan s = scan.scan;
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        verdicts.putAll(s.verdicts());
        verdicts.merge(report.verdict(), 1, Integer::sum);
        int unreachable = s.unreachable() + (report.error().isPresent() ? 1 : 0);
        boolean last = targets.stream().filter(x -> x.scanId.equals(s.id())).allMatch(x -> x.done);
        scan.scan = new Scan(s.id(), s.profile(), s.requestedBy(), s.createdAt(),
                last ? ScanState.FINISHED : ScanState.RUNNING, s.total(), verdicts, unreachable,
                last ? Optional.of(at) : Optional.empty());
        return Optional.of(stored);
    }

    @Override
    public synchronized void release(LeasedTarget lease) {
        TargetRow t = row(lease.targetId());
        if (t != null && !t.done && lease.owner().equals(t.owner)) {
            t.owner = null;
            t.until = null;
        }
    }

    @Override
    public synchronized Optional<Scan> cancel(String id, Instant at) {
        ScanRow row = scans.get(id);
        if (row == null) {
            return Optional.empty();
        }
        Scan s = row.scan;
        if (s.state() == ScanState.RUNNING) {
            row.scan = new Scan(s.id(), s.profile(), s.requestedBy(), s.createdAt(), ScanState.CANCELLED, s.total(),
                    s.verdicts(), s.unreachable(), Optional.of(at));
        }
        return Optional.of(row.scan);
    }

    @Override
    public synchronized List<StoredReport> reports(String scanId) {
        // by the target's place in the scan, as a report may carry the machine's own name rather than the target's
        return targets.stream().filter(t -> t.scanId.equals(scanId) && t.report != null)
                .sorted(Comparator.comparingInt(t -> t.seq)).map(t -> t.report).toList();
    }

    // AccessTokens

    @Override
    public synchronized AccessToken add(AccessToken token) {
        if (tokens.stream().anyMatch(t -> t.name().equals(token.name()))) {
            throw new IllegalArgumentException("a token named '" + token.name() + "' exists already");
        }
        tokens.add(token);
        return token;
    }

    @Override
    public synchronized Optional<AccessToken> active(String hash) {
        return tokens.stream().filter(t -> t.active() && t.hash().equals(hash)).findFirst();
    }

    @Override
    public synchronized List<AccessToken> all() {
        return List.copyOf(tokens);
    }

    @Override
    public synchronized Optional<AccessToken> revoke(String idOrName, Instant at) {
        for (int i = 0; i < tokens.size(); i++) {
            AccessToken t = tokens.get(i);
            if (t.id().equals(idOrName) || t.name().equals(idOrName)) {
                AccessToken revoked = t.active()
                        ? new AccessToken(t.id(), t.name(), t.role(), t.hash(), t.created(), Optional.of(at))
                        : t;
                tokens.set(i, revoked);
                return Optional.of(revoked);
            }
        }
        return Optional.empty();
    }

    // ActivityLog

    @Override
    public synchronized void record(Activity activity) {
        activities.add(activity);
    }

    @Override
    public synchronized List<Activity> recent(int limit) {
        List<Activity> newestFirst = new ArrayList<>(activities);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }
}
