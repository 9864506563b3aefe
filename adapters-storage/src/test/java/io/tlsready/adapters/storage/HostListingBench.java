package io.tlsready.adapters.storage;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSort;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import io.tlsready.testing.PostgresCluster;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a test (no assertion, and not run by default: {@code -Dtest=HostListingBench
 * -Dtlsready.bench=true}): 10,000 hosts (two reports each, a tenth unreachable) on SQLite and PostgreSQL; prints
 * the query plan of the hosts page for each sort, and how long {@code latest()} takes for page 1 and page 150 of 50,
 * {@code failureCauses()} and {@code readiness()} over 30 days. PostgreSQL is vacuumed and analysed after the load,
 * as autovacuum would soon do; SQLite runs without statistics, as the service does.
 */
@EnabledIfSystemProperty(named = "tlsready.bench", matches = "true")
class HostListingBench {

    private static final int HOSTS = 10_000;
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final PrintStream OUT = System.out;

    @TempDir
    Path dir;

    @Test
    void sqlite() throws Exception {
        Path data = dir.resolve("data");
        run("SQLite", () -> StorageModule.sqlite(data), "jdbc:sqlite:" + data.resolve("tlsready.db"), "EXPLAIN QUERY PLAN ");
    }

    @Test
    void postgresql() throws Exception {
        try (PostgresCluster cluster = PostgresCluster.start()) {
            cluster.createDatabase("bench");
            String url = cluster.jdbcUrl("bench");
            run("PostgreSQL", () -> StorageModule.postgres(url), url, "EXPLAIN ANALYZE ");
        }
    }

    private void run(String name, Supplier<StorageModule> module, String url, String explain) throws Exception {
        AuditService audit = new AuditService(RuleBook.standard());
        HostReport notReady = audit.evaluate(Hosts.windows("2008R2").x64().coverAll().updates().build());
        HostReport ready = audit.evaluate(Hosts.ready("2019").build());
        List<String> errors = List.of("%s:5986: connection refused (WinRM not listening on this port)",
                "%s:5986: unknown host (DNS name not found)", "no answer within 60 s",
                "%s:5986: HTTP 401 Unauthorized with Basic: the user name or password is wrong");
        try (Stores stores = new Stores(module)) {
            ReportHistory history = stores.get(ReportHistory.class);
            long start = System.nanoTime();
            for (int i = 0; i < HOSTS; i++) {
                String host = String.format(java.util.Locale.ROOT, "srv%05d.corp.example", (i * 7919) % HOSTS);
                Instant first = T0.plus(Duration.ofMinutes(i % 1440)).plus(Duration.ofDays(i % 10));
                history.save(renamed(notReady, host), first);
                HostReport second = i % 10 == 0 ? AuditService.failed(host, "WinRM " + host,
                        String.format(errors.get(i / 10 % errors.size()), host)) : i % 3 == 0 ? ready
                        : renamed(notReady, host);
                history.save(renamed(second, host), first.plus(Duration.ofDays(3)));
            }
            OUT.printf("%n== %s: %d hosts, %d reports saved in %d ms%n", name, HOSTS, 2 * HOSTS,
                    (System.nanoTime() - start) / 1_000_000);
            if (url.startsWith("jdbc:postgresql:")) {
                // what autovacuum does soon after a bulk load: fresh statistics and no dead index entries
                try (Connection c = DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
            }
            for (HostSort sort : HostSort.values()) {
                for (boolean desc : new boolean[] {false, true}) {
                    HostQuery q = HostQuery.all(0, 50).sortedBy(sort, desc);
                    OUT.printf("%-8s %-4s page 1: %6.1f ms   page 150: %6.1f ms%n", sort, desc ? "desc" : "asc",
                            millis(() -> history.latest(q)), millis(() -> history.latest(q.page(149 * 50, 50))));
                }
            }
            HostQuery filtered = HostQuery.all(0, 50).withVerdict(Verdict.NOT_READY)
                    .withFailingRule(RuleId.SCHANNEL_TLS12_CLIENT).sortedBy(HostSort.AUDITED, true);
            OUT.printf("NOT_READY + failing rule, audited desc: page 1 %.1f ms, page 50 %.1f ms (%d hosts)%n",
                    millis(() -> history.latest(filtered)), millis(() -> history.latest(filtered.page(49 * 50, 50))),
                    history.latest(filtered).total());
            HostQuery byCause = HostQuery.all(0, 50).withCause(FailureCause.REFUSED).sortedBy(HostSort.NAME, false);
            OUT.printf("cause=REFUSED: %.1f ms (%d hosts)%n", millis(() -> history.latest(byCause)),
                    history.latest(byCause).total());
            OUT.printf("failureCauses(): %.1f ms; failingRules(): %.1f ms%n", millis(history::failureCauses),
                    millis(history::failingRules));
            LocalDate to = LocalDate.ofInstant(T0, ZoneOffset.UTC).plusDays(20);
            OUT.printf("readiness(30 days): %.1f ms; readiness(366 days): %.1f ms%n",
                    millis(() -> history.readiness(to.minusDays(29), to)),
                    millis(() -> history.readiness(to.minusDays(365), to)));
            try (Connection c = DriverManager.getConnection(url)) {
                for (HostSort sort : HostSort.values()) {
                    for (boolean desc : new boolean[] {false, true}) {
                        plan(c, explain, "page 150, " + sort + (desc ? " desc" : ""),
                                HostQuery.all(149 * 50, 50).sortedBy(sort, desc), false);
                    }
                }
                plan(c, explain, "count, no filter", HostQuery.all(0, 50), true);
                plan(c, explain, "count, NOT_READY + failing rule", filtered, true);
                plan(c, explain, "page 50, NOT_READY + failing rule, audited desc", filtered.page(49 * 50, 50), false);
                plan(c, explain, "page 1, cause=REFUSED", byCause, false);
            }
        }
    }

    private static HostReport renamed(HostReport r, String host) {
        return new HostReport(host, r.source(), r.os(), r.verdict(), r.findings(), r.provenance(), r.warnings(),
                r.error());
    }

    /** The best of five runs after one warm-up. */
    private static double millis(Runnable work) {
        work.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e6;
    }

    private static void plan(Connection c, String explain, String what, HostQuery query, boolean count)
            throws SQLException {
        HostListing listing = HostListing.of(query);
        OUT.println("-- plan, " + what + ":");
        try (PreparedStatement ps = c.prepareStatement(explain + (count ? listing.count() : listing.page()))) {
            int i = listing.bind(ps);
            if (!count) {
                ps.setInt(i++, query.limit());
                ps.setInt(i, query.offset());
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    OUT.println("   " + rs.getString(columns));
                }
            }
        }
    }
}
