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
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
        // every filter and sort key is a column of hosts (schema 2): the page is found on hosts and its indexes
        // alone, and only its rows are joined to their reports
        StringBuilder where = new StringBuilder(" FROM hosts h WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        query.verdict().ifPresent(v -> {
            where.append(" AND h.verdict_rank = ?");
            args.add(ReportRows.verdictRank(v));
        });
        query.cause().ifPresent(cause -> {
            where.append(" AND h.cause = ?");
            args.add(cause.name());
        });
        query.failingRule().ifPresent(rule -> {
            where.append(" AND EXISTS (SELECT 1 FROM report_failing f WHERE f.report_id = h.report_id AND f.rule = ?)");
            args.add(rule.name());
        });
        query.nameContains().ifPresent(n -> {
            where.append(" AND h.host_key LIKE ? ESCAPE '!'");
            args.add(Text.containing(n.toLowerCase(Locale.ROOT)));
        });
        String order = orderBy(query);
        String select = "SELECT r.id, r.host, r.verdict, r.audited_ns, r.failing, r.scan_id, r.error, h.cause "
                + "FROM (SELECT h.host_key, h.report_id, h.verdict_rank, h.audited_ns, h.failing_count, h.cause"
                + where + " ORDER BY " + order + " LIMIT ? OFFSET ?) h JOIN reports r ON r.id = h.report_id "
                + "ORDER BY " + order;
        return db.read("listing hosts", c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<HostSummary> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int i = bind(ps, args);
                ps.setInt(i++, query.limit());
                ps.setInt(i, query.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(summary(rs));
                    }
                }
            }
            return new Page<>(items, total, query.offset(), query.limit());
        });
    }

    /** The listing's order; ties by name, ascending both ways (each has its index, schema 2). */
    static String orderBy(HostQuery query) {
        String direction = query.descending() ? " DESC" : "";
        return switch (query.sort()) {
            case NAME -> "h.host_key" + direction;
            case VERDICT -> "h.verdict_rank" + direction + ", h.host_key";
            case AUDITED -> "h.audited_ns" + direction + ", h.host_key";
            case FAILING -> "h.failing_count" + direction + ", h.host_key";
        };
    }

    private static HostSummary summary(ResultSet rs) throws SQLException {
        String failing = rs.getString("failing");
        List<RuleId> rules = failing.isEmpty() ? List.of()
                : Arrays.stream(failing.split(",")).map(RuleId::valueOf).toList();
        return new HostSummary(Text.get(rs.getString("host")), Verdict.valueOf(rs.getString("verdict")),
                Times.instant(rs.getLong("audited_ns")), rules, rs.getLong("id"),
                Optional.ofNullable(rs.getString("scan_id")), Optional.ofNullable(Text.get(rs.getString("error"))),
                Optional.ofNullable(rs.getString("cause")).map(FailureCause::valueOf));
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            if (a instanceof Integer n) {
                ps.setInt(i++, n);
            } else {
                ps.setString(i++, (String) a);
            }
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
            List<CauseCount> counts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.cause, count(*) FROM hosts h "
                    + "WHERE h.cause IS NOT NULL GROUP BY h.cause");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new CauseCount(FailureCause.valueOf(rs.getString(1)), rs.getLong(2)));
                }
            }
            counts.sort(CauseCount.MOST_HOSTS_FIRST);
            return counts;
        });
    }

    @Override
    public List<DailyVerdicts> readiness(LocalDate from, LocalDate to) {
        return db.read("counting verdicts by day", c -> Readiness.of(c, from, to));
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
