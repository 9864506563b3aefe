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
        HostListing listing = HostListing.of(query);
        return db.read("listing hosts", c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement(listing.count())) {
                listing.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<HostSummary> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(listing.page())) {
                int i = listing.bind(ps);
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

    private static HostSummary summary(ResultSet rs) throws SQLException {
        String failing = rs.getString("failing");
        List<RuleId> rules = failing.isEmpty() ? List.of()
                : Arrays.stream(failing.split(",")).map(RuleId::valueOf).toList();
        String host = Text.get(rs.getString("host"));
        Optional<String> error = Optional.ofNullable(Text.get(rs.getString("error")));
        // a row written by an instance older than schema 2 (a rolling upgrade) has no cause yet: classify it here
        Optional<FailureCause> cause = error.isEmpty() ? Optional.empty()
                : Optional.ofNullable(rs.getString("cause")).map(FailureCause::valueOf)
                        .or(() -> error.map(e -> FailureCause.classify(host, e)));
        return new HostSummary(host, Verdict.valueOf(rs.getString("verdict")), Times.instant(rs.getLong("audited_ns")),
                rules, rs.getLong("id"), Optional.ofNullable(rs.getString("scan_id")), error, cause);
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
