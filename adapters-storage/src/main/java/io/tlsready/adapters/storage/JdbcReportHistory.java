package io.tlsready.adapters.storage;

import io.tlsready.domain.history.CauseCount;
import io.tlsready.domain.history.DailyVerdicts;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostKey;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.Page;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link ReportHistory} on the reports, report_failing and hosts tables. */
final class JdbcReportHistory implements ReportHistory {

    private final Database db;

    JdbcReportHistory(Database db) {
        this.db = db;
    }

    @Override
    public StoredReport save(HostReport report, Instant auditedAt) {
        return db.write("saving the report of a host", c -> ReportRows.insert(c, report, auditedAt, Optional.empty()));
    }

    @Override
    public Page<HostSummary> latest(HostQuery query) {
        StringBuilder where = new StringBuilder(" FROM hosts h JOIN reports r ON r.id = h.report_id WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        query.verdict().ifPresent(v -> {
            where.append(" AND r.verdict = ?");
            args.add(v.name());
        });
        query.failingRule().ifPresent(rule -> {
            where.append(" AND EXISTS (SELECT 1 FROM report_failing f WHERE f.report_id = r.id AND f.rule = ?)");
            args.add(rule.name());
        });
        query.nameContains().ifPresent(n -> {
            where.append(" AND h.host_key LIKE ? ESCAPE '!'");
            args.add(Text.containing(n.toLowerCase(Locale.ROOT)));
        });
        if (query.cause().isPresent()) {
            where.append(" AND r.error IS NOT NULL");
        }
        String direction = query.descending() ? " DESC" : "";
        String order = switch (query.sort()) {
            case NAME -> "h.host_key" + direction;
            case VERDICT -> "CASE r.verdict WHEN 'READY' THEN 0 WHEN 'NOT_READY' THEN 1 ELSE 2 END" + direction
                    + ", h.host_key";
            case AUDITED -> "r.audited_ns" + direction + ", h.host_key";
            case FAILING -> "(SELECT count(*) FROM report_failing f WHERE f.report_id = r.id)" + direction
                    + ", h.host_key";
        };
        String select = "SELECT r.id, r.host, r.verdict, r.audited_ns, r.failing, r.scan_id, r.error" + where
                + " ORDER BY " + order;
        return db.read("listing hosts", c -> {
            if (query.cause().isPresent()) { // classified here until the cause has its column
                List<HostSummary> all = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    bind(ps, args);
                    summaries(ps, all);
                }
                List<HostSummary> matching = all.stream().filter(s -> s.cause().equals(query.cause())).toList();
                return new Page<>(matching.stream().skip(query.offset()).limit(query.limit()).toList(),
                        matching.size(), query.offset(), query.limit());
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<HostSummary> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select + " LIMIT ? OFFSET ?")) {
                int i = bind(ps, args);
                ps.setInt(i++, query.limit());
                ps.setInt(i, query.offset());
                summaries(ps, items);
            }
            return new Page<>(items, total, query.offset(), query.limit());
        });
    }

    private static void summaries(PreparedStatement ps, List<HostSummary> into) throws java.sql.SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String failing = rs.getString("failing");
                List<RuleId> rules = failing.isEmpty() ? List.of()
                        : Arrays.stream(failing.split(",")).map(RuleId::valueOf).toList();
                String host = Text.get(rs.getString("host"));
                Optional<String> error = Optional.ofNullable(Text.get(rs.getString("error")));
                into.add(new HostSummary(host, Verdict.valueOf(rs.getString("verdict")),
                        Times.instant(rs.getLong("audited_ns")), rules, rs.getLong("id"),
                        Optional.ofNullable(rs.getString("scan_id")), error,
                        error.map(e -> FailureCause.classify(host, e))));
            }
        }
    }

    private static int bind(PreparedStatement ps, List<String> args) throws java.sql.SQLException {
        int i = 1;
        for (String a : args) {
            ps.setString(i++, a);
        }
        return i;
    }

    @Override
    public List<RuleCount> failingRules() {
        return db.read("counting failing rules", c -> {
            List<RuleCount> counts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.rule, count(*) FROM hosts h "
                    + "JOIN report_failing f ON f.report_id = h.report_id GROUP BY f.rule");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new RuleCount(RuleId.valueOf(rs.getString(1)), rs.getLong(2)));
                }
            }
            counts.sort(RuleCount.MOST_HOSTS_FIRST); // rule-book order for ties: the enum's, not the names'
            return counts;
        });
    }

    @Override
    public List<CauseCount> failureCauses() {
        return db.read("counting failure causes", c -> {
            Map<FailureCause, Long> counts = new EnumMap<>(FailureCause.class);
            try (PreparedStatement ps = c.prepareStatement("SELECT r.host, r.error FROM hosts h "
                    + "JOIN reports r ON r.id = h.report_id WHERE r.error IS NOT NULL");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.merge(FailureCause.classify(Text.get(rs.getString(1)), Text.get(rs.getString(2))), 1L,
                            Long::sum);
                }
            }
            return counts.entrySet().stream().map(e -> new CauseCount(e.getKey(), e.getValue()))
                    .sorted(CauseCount.MOST_HOSTS_FIRST).toList();
        });
    }

    @Override
    public List<DailyVerdicts> readiness(LocalDate from, LocalDate to) {
        int days = ReportHistory.days(from, to);
        return db.read("counting verdicts by day", c -> {
            List<DailyVerdicts> out = new ArrayList<>(days);
            try (PreparedStatement ps = c.prepareStatement("SELECT r.verdict, count(*) FROM reports r JOIN "
                    + "(SELECT host_key, max(id) AS id FROM reports WHERE audited_ns < ? GROUP BY host_key) l "
                    + "ON r.id = l.id GROUP BY r.verdict")) {
                for (int d = 0; d < days; d++) {
                    LocalDate day = from.plusDays(d);
                    ps.setLong(1, Times.nanos(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
                    Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            n.put(Verdict.valueOf(rs.getString(1)), rs.getInt(2));
                        }
                    }
                    out.add(new DailyVerdicts(day, n.getOrDefault(Verdict.READY, 0),
                            n.getOrDefault(Verdict.NOT_READY, 0), n.getOrDefault(Verdict.UNKNOWN, 0)));
                }
            }
            return out;
        });
    }

    @Override
    public List<StoredReport> history(String host, int limit) {
        return db.read("reading a host's history", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ReportRows.COLUMNS
                    + " FROM reports r WHERE r.host_key = ? ORDER BY r.id DESC LIMIT ?")) {
                ps.setString(1, Text.put(HostKey.of(host)));
                ps.setInt(2, Math.max(0, limit));
                return ReportRows.all(ps);
            }
        });
    }

    @Override
    public Optional<StoredReport> report(long id) {
        return db.read("reading a report", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ReportRows.COLUMNS
                    + " FROM reports r WHERE r.id = ?")) {
                ps.setLong(1, id);
                return ReportRows.all(ps).stream().findFirst();
            }
        });
    }
}
