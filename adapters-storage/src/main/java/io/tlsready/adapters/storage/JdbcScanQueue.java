package io.tlsready.adapters.storage;

import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.scan.LeasedTarget;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanRequest;
import io.tlsready.domain.scan.ScanState;
import io.tlsready.domain.scan.ScanTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * {@link ScanQueue} on the scans and scan_targets tables. A target is done when it points at its report; it is
 * leased while it has an owner whose lease has not expired. PostgreSQL takes targets with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so instances never wait for each other nor get the same target; SQLite
 * (one process) serialises every write. {@code complete} and {@code cancel} lock the scan's row first, so the last
 * target's completion, the scan's state and a cancellation are decided one at a time.
 */
final class JdbcScanQueue implements ScanQueue {

    private static final String SCAN_COLUMNS = "s.id, s.profile, s.requested_by, s.created_ns, s.state, s.total, "
            + "s.finished_ns";
    private static final String TARGET_COLUMNS = "t.id, t.scan_id, t.seq, t.name, t.address, t.port, t.transport, "
            + "t.auth, t.username, t.owner, t.leased_ns, s.profile";

    private final Database db;

    JdbcScanQueue(Database db) {
        this.db = db;
    }

    @Override
    public Scan create(ScanRequest request, Instant at) {
        String id = UUID.randomUUID().toString();
        return db.write("creating a scan", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scans (id, profile, requested_by, created_ns, "
                    + "state, total) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, Text.put(request.profile()));
                ps.setString(3, Text.put(request.requestedBy()));
                ps.setLong(4, Times.nanos(at));
                ps.setString(5, ScanState.RUNNING.name());
                ps.setInt(6, request.targets().size());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scan_targets (scan_id, seq, name, address, "
                    + "port, transport, auth, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < request.targets().size(); i++) {
                    ScanTarget t = request.targets().get(i);
                    ps.setString(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, Text.put(t.name()));
                    ps.setString(4, Text.put(t.address()));
                    if (t.port().isPresent()) {
                        ps.setInt(5, t.port().getAsInt());
                    } else {
                        ps.setNull(5, Types.INTEGER);
                    }
                    setOptional(ps, 6, t.transport());
                    setOptional(ps, 7, t.auth());
                    setOptional(ps, 8, t.user());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return scan(c, id).orElseThrow();
        });
    }

    private static void setOptional(PreparedStatement ps, int i, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            ps.setString(i, Text.put(v.get()));
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    @Override
    public Optional<Scan> scan(String id) {
        return db.read("reading a scan", c -> scan(c, id));
    }

    @Override
    public long running() {
        return db.read("counting running scans", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM scans WHERE state = ?")) {
                ps.setString(1, ScanState.RUNNING.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Scan> scans(int offset, int limit) {
        return db.read("listing scans", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM scans ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                ps.setInt(1, Math.max(0, limit));
                ps.setInt(2, Math.max(0, offset));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<Scan> scans = new ArrayList<>();
            for (String id : ids) {
                scan(c, id).ifPresent(scans::add);
            }
            return scans;
        });
    }

    /** The scan's row first, then its counts: a completion in between shows as RUNNING with every target done. */
    private static Optional<Scan> scan(Connection c, String id) throws SQLException {
        String profile;
        String requestedBy;
        Instant created;
        ScanState state;
        int total;
        Optional<Instant> finished;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SCAN_COLUMNS + " FROM scans s WHERE s.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                profile = Text.get(rs.getString("profile"));
                requestedBy = Text.get(rs.getString("requested_by"));
                created = Times.instant(rs.getLong("created_ns"));
                state = ScanState.valueOf(rs.getString("state"));
                total = rs.getInt("total");
                finished = Times.optional(rs, "finished_ns");
            }
        }
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        int unreachable = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT r.verdict, count(*), "
                + "sum(CASE WHEN r.error IS NULL THEN 0 ELSE 1 END) FROM scan_targets t "
                + "JOIN reports r ON r.id = t.report_id WHERE t.scan_id = ? GROUP BY r.verdict")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    verdicts.put(Verdict.valueOf(rs.getString(1)), rs.getInt(2));
                    unreachable += rs.getInt(3);
                }
            }
        }
        return Optional.of(new Scan(id, profile, requestedBy, created, state, total, verdicts, unreachable, finished));
    }

    @Override
    public List<LeasedTarget> lease(String owner, int max, Instant now, Duration leaseFor) {
        if (max <= 0) {
            return List.of();
        }
        Instant until = now.plus(leaseFor);
        String lock = db.dialect() == Database.Dialect.POSTGRESQL ? " FOR UPDATE OF t SKIP LOCKED" : "";
        return db.write("leasing scan targets", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id FROM scan_targets t JOIN scans s ON s.id = "
                    + "t.scan_id WHERE s.state = ? AND t.report_id IS NULL AND (t.owner IS NULL OR t.leased_ns < ?) "
                    + "ORDER BY s.seq, t.seq LIMIT ?" + lock)) {
                ps.setString(1, ScanState.RUNNING.name());
                ps.setLong(2, Times.nanos(now));
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<LeasedTarget> leased = new ArrayList<>();
            for (long id : ids) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE scan_targets SET owner = ?, leased_ns = ? WHERE id = ?")) {
                    ps.setString(1, Text.put(owner));
                    ps.setLong(2, Times.nanos(until));
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                target(c, id).ifPresent(leased::add);
            }
            return leased;
        });
    }

    private static Optional<LeasedTarget> target(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TARGET_COLUMNS
                + " FROM scan_targets t JOIN scans s ON s.id = t.scan_id WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int port = rs.getInt("port");
                OptionalInt p = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(port);
                ScanTarget target = new ScanTarget(Text.get(rs.getString("name")), Text.get(rs.getString("address")),
                        p, Optional.ofNullable(Text.get(rs.getString("transport"))),
                        Optional.ofNullable(Text.get(rs.getString("auth"))),
                        Optional.ofNullable(Text.get(rs.getString("username"))));
                return Optional.of(new LeasedTarget(rs.getLong("id"), rs.getString("scan_id"), rs.getInt("seq"), target,
                        Text.get(rs.getString("profile")), Text.get(rs.getString("owner")),
                        Times.instant(rs.getLong("leased_ns"))));
            }
        }
    }

    @Override
    public List<LeasedTarget> renew(String owner, List<LeasedTarget> targets, Instant until) {
        if (targets.isEmpty()) {
            return List.of();
        }
        return db.write("renewing scan target leases", c -> {
            List<LeasedTarget> renewed = new ArrayList<>();
            for (LeasedTarget l : targets) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE scan_targets SET leased_ns = ? WHERE id = ? "
                        + "AND owner = ? AND report_id IS NULL AND EXISTS (SELECT 1 FROM scans s WHERE s.id = "
                        + "scan_targets.scan_id AND s.state = ?)")) {
                    ps.setLong(1, Times.nanos(until));
                    ps.setLong(2, l.targetId());
                    ps.setString(3, Text.put(owner));
                    ps.setString(4, ScanState.RUNNING.name());
                    if (ps.executeUpdate() == 1) {
                        target(c, l.targetId()).ifPresent(renewed::add);
                    }
                }
            }
            return renewed;
        });
    }

    @Override
    public Optional<StoredReport> complete(LeasedTarget lease, HostReport report, Instant at) {
        return db.write("recording a scan target's report", c -> {
            if (!lockRunning(c, lease.scanId())) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM scan_targets WHERE id = ? AND "
                    + "scan_id = ? AND report_id IS NULL" + rowLock())) {
                ps.setLong(1, lease.targetId());
                ps.setString(2, lease.scanId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !Text.put(lease.owner()).equals(rs.getString(1))) {
                        return Optional.empty();
                    }
                }
            }
            StoredReport stored = ReportRows.insert(c, report, at, Optional.of(lease.scanId()));
            try (PreparedStatement ps = c.prepareStatement("UPDATE scan_targets SET report_id = ? WHERE id = ?")) {
                ps.setLong(1, stored.id());
                ps.setLong(2, lease.targetId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE scans SET state = ?, finished_ns = ? WHERE id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM scan_targets t WHERE t.scan_id = scans.id AND t.report_id IS NULL)")) {
                ps.setString(1, ScanState.FINISHED.name());
                ps.setLong(2, Times.nanos(at));
                ps.setString(3, lease.scanId());
                ps.executeUpdate();
            }
            return Optional.of(stored);
        });
    }

    /** Locks the scan's row (PostgreSQL) and says whether it is still running. */
    private boolean lockRunning(Connection c, String scanId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM scans WHERE id = ?" + rowLock())) {
            ps.setString(1, scanId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && ScanState.RUNNING.name().equals(rs.getString(1));
            }
        }
    }

    private String rowLock() {
        return db.dialect() == Database.Dialect.POSTGRESQL ? " FOR UPDATE" : "";
    }

    @Override
    public void release(LeasedTarget lease) {
        db.write("releasing a scan target", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scan_targets SET owner = NULL, leased_ns = NULL "
                    + "WHERE id = ? AND owner = ? AND report_id IS NULL")) {
                ps.setLong(1, lease.targetId());
                ps.setString(2, Text.put(lease.owner()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Scan> cancel(String id, Instant at) {
        return db.write("cancelling a scan", c -> {
            if (lockRunning(c, id)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE scans SET state = ?, finished_ns = ? WHERE id = ? AND state = ?")) {
                    ps.setString(1, ScanState.CANCELLED.name());
                    ps.setLong(2, Times.nanos(at));
                    ps.setString(3, id);
                    ps.setString(4, ScanState.RUNNING.name());
                    ps.executeUpdate();
                }
            }
            return scan(c, id);
        });
    }

    @Override
    public List<StoredReport> reports(String scanId) {
        return db.read("reading a scan's reports", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ReportRows.COLUMNS + " FROM scan_targets t "
                    + "JOIN reports r ON r.id = t.report_id WHERE t.scan_id = ? ORDER BY t.seq")) {
                ps.setString(1, scanId);
                return ReportRows.all(ps);
            }
        });
    }
}
