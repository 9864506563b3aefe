package io.tlsready.adapters.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostKey;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.HostReportReader;
import io.tlsready.domain.report.ReportDocument;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports as rows: the host object of {@code tlsready.report/v1} as JSON (every non-ASCII character escaped, so the
 * text is exact in any database encoding), and beside it the columns that listings filter and sort on.
 */
final class ReportRows {

    static final String COLUMNS = "r.id, r.audited_ns, r.scan_id, r.document";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private ReportRows() {
    }

    /** Inserts a report, its failing rules and its place as its host's latest; returns it as stored. */
    static StoredReport insert(Connection c, HostReport report, Instant at, Optional<String> scanId)
            throws SQLException {
        String key = Text.put(HostKey.of(report.host()));
        List<RuleId> failing = HostSummary.of(new StoredReport(0, report, at, scanId)).failing();
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reports (host_key, host, verdict, audited_ns, "
                + "scan_id, failing, error, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, key);
            ps.setString(2, Text.put(report.host()));
            ps.setString(3, report.verdict().name());
            ps.setLong(4, Times.nanos(at));
            if (scanId.isPresent()) {
                ps.setString(5, scanId.get());
            } else {
                ps.setNull(5, Types.VARCHAR);
            }
            ps.setString(6, String.join(",", failing.stream().map(RuleId::name).toList()));
            if (report.error().isPresent()) {
                ps.setString(7, Text.put(report.error().get()));
            } else {
                ps.setNull(7, Types.VARCHAR);
            }
            ps.setString(8, json(report));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (!failing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_failing (report_id, rule) VALUES (?, ?)")) {
                for (RuleId rule : failing) {
                    ps.setLong(1, id);
                    ps.setString(2, rule.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hosts (host_key, report_id, verdict_rank, "
                + "audited_ns, failing_count, cause) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (host_key) DO UPDATE SET "
                + "report_id = excluded.report_id, verdict_rank = excluded.verdict_rank, "
                + "audited_ns = excluded.audited_ns, failing_count = excluded.failing_count, cause = excluded.cause "
                + "WHERE excluded.report_id > hosts.report_id")) {
            ps.setString(1, key);
            ps.setLong(2, id);
            ps.setInt(3, verdictRank(report.verdict()));
            ps.setLong(4, Times.nanos(at));
            ps.setInt(5, failing.size());
            Optional<FailureCause> cause = FailureCause.of(report);
            if (cause.isPresent()) {
                ps.setString(6, cause.get().name());
            } else {
                ps.setNull(6, Types.VARCHAR);
            }
            ps.executeUpdate();
        }
        return new StoredReport(id, report, at, scanId);
    }

    /** hosts.verdict_rank: the domain's order of verdicts (schema 2). */
    static int verdictRank(Verdict verdict) {
        return switch (verdict) {
            case READY -> 0;
            case NOT_READY -> 1;
            case UNKNOWN -> 2;
        };
    }

    /** The report of a row selected with {@link #COLUMNS}. */
    static StoredReport read(ResultSet rs) throws SQLException {
        HostReport report;
        try {
            report = HostReportReader.read(JSON.readValue(rs.getString("document"), Object.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored report " + rs.getLong("id") + " cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""), null);
        }
        return new StoredReport(rs.getLong("id"), report, Times.instant(rs.getLong("audited_ns")),
                Optional.ofNullable(rs.getString("scan_id")));
    }

    static List<StoredReport> all(PreparedStatement ps) throws SQLException {
        List<StoredReport> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    static String json(HostReport report) {
        try {
            return JSON.writeValueAsString(ReportDocument.host(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report of " + report.host() + " as JSON", e);
        }
    }
}
