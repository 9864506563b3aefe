package io.tlsready.adapters.storage;

import io.tlsready.domain.history.DailyVerdicts;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ReportHistory#readiness} in one query and one streaming pass. A host counts on a day by its last saved
 * report made before the day's end. So per host only two kinds of reports matter: the last saved one made before the
 * range (it holds from the first day on), and those made inside the range (each from its own day on); the query
 * reads exactly those, host by host in save order, over the {@code reports_by_time} index, and the pass carries the
 * latest one forward from day to day.
 */
final class Readiness {

    private static final long DAY_NS = 86_400L * 1_000_000_000L;
    private static final String QUERY = "SELECT r.host_key, r.id, r.audited_ns, r.verdict FROM reports r "
            + "JOIN (SELECT host_key, max(id) AS id FROM reports WHERE audited_ns < ? GROUP BY host_key) b "
            + "ON r.id = b.id "
            + "UNION ALL SELECT host_key, id, audited_ns, verdict FROM reports WHERE audited_ns >= ? AND audited_ns < ? "
            + "ORDER BY 1, 2";

    private final int days;
    private final long start;
    private final long[] id;
    private final Verdict[] verdict;
    private final int[][] counts;

    private Readiness(int days, long start) {
        this.days = days;
        this.start = start;
        this.id = new long[days];
        this.verdict = new Verdict[days];
        this.counts = new int[days][Verdict.values().length];
        Arrays.fill(id, -1);
    }

    static List<DailyVerdicts> of(Connection c, LocalDate from, LocalDate to) throws SQLException {
        int days = ReportHistory.days(from, to);
        long start = Times.nanos(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Readiness pass = new Readiness(days, start);
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setLong(1, start);
            ps.setLong(2, start);
            ps.setLong(3, start + days * DAY_NS);
            try (ResultSet rs = ps.executeQuery()) {
                String host = null;
                while (rs.next()) {
                    String key = rs.getString(1);
                    if (host != null && !host.equals(key)) {
                        pass.countHost();
                    }
                    host = key;
                    pass.report(rs.getLong(2), rs.getLong(3), Verdict.valueOf(rs.getString(4)));
                }
                if (host != null) {
                    pass.countHost();
                }
            }
        }
        List<DailyVerdicts> out = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            int[] n = pass.counts[d];
            out.add(new DailyVerdicts(from.plusDays(d), n[Verdict.READY.ordinal()], n[Verdict.NOT_READY.ordinal()],
                    n[Verdict.UNKNOWN.ordinal()]));
        }
        return out;
    }

    /** One report of the current host, in save order: it holds from its day on unless a later one does. */
    private void report(long reportId, long auditedNs, Verdict v) {
        int day = auditedNs < start ? 0 : (int) ((auditedNs - start) / DAY_NS);
        id[day] = reportId; // saved later than any before it for this day
        verdict[day] = v;
    }

    /** Counts the current host on each day from its first report on, then forgets it. */
    private void countHost() {
        long latest = -1;
        Verdict holding = null;
        for (int d = 0; d < days; d++) {
            if (id[d] > latest) {
                latest = id[d];
                holding = verdict[d];
            }
            if (holding != null) {
                counts[d][holding.ordinal()]++;
            }
        }
        Arrays.fill(id, -1);
        Arrays.fill(verdict, null);
    }
}
