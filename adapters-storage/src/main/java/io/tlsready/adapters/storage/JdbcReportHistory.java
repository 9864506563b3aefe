package io.tlsready.adapters.storage;

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
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.host, r.verdict, r.audited_ns, r.failing, "
                    + "r.scan_id, r.error" + where + " ORDER BY h.host_key LIMIT ? OFFSET ?")) {
                int i = bind(ps, args);
                ps.setInt(i++, query.limit());
                ps.setInt(i, query.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String failing = rs.getString("failing");
                        List<RuleId> rules = failing.isEmpty() ? List.of()
                                : Arrays.stream(failing.split(",")).map(RuleId::valueOf).toList();
                        items.add(new HostSummary(Text.get(rs.getString("host")), Verdict.valueOf(rs.getString("verdict")),
                                Times.instant(rs.getLong("audited_ns")), rules, rs.getLong("id"),
                                Optional.ofNullable(rs.getString("scan_id")),
                                Optional.ofNullable(Text.get(rs.getString("error")))));
                    }
                }
            }
            return new Page<>(items, total, query.offset(), query.limit());
        });
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
