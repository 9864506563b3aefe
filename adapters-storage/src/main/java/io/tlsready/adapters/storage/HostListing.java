package io.tlsready.adapters.storage;

import io.tlsready.domain.history.HostQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two statements of a host listing ({@link io.tlsready.domain.port.ReportHistory#latest}): every filter and
 * sort key is a column of {@code hosts} (schema 2), so the total is counted and the page found on {@code hosts} and
 * its indexes alone, and only the page's rows are joined to their reports.
 *
 * @param count  {@code SELECT count(*)} of the matching hosts; binds {@code args}
 * @param page   the page's rows; binds {@code args}, then the limit and the offset
 */
record HostListing(String count, String page, List<Object> args) {

    static HostListing of(HostQuery query) {
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
        String page = "SELECT r.id, r.host, r.verdict, r.audited_ns, r.failing, r.scan_id, r.error, h.cause "
                + "FROM (SELECT h.host_key, h.report_id, h.verdict_rank, h.audited_ns, h.failing_count, h.cause"
                + where + " ORDER BY " + order + " LIMIT ? OFFSET ?) h JOIN reports r ON r.id = h.report_id "
                + "ORDER BY " + order;
        return new HostListing("SELECT count(*)" + where, page, List.copyOf(args));
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

    /** Binds the filters' values from parameter 1; returns the next parameter's index. */
    int bind(PreparedStatement ps) throws SQLException {
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
}
