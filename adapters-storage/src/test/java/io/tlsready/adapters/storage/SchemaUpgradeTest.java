package io.tlsready.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.CauseCount;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostKey;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.HostSort;
import io.tlsready.domain.history.HostSummary;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by schema 1 (SQLite here, PostgreSQL in {@code SchemaUpgradeOnPostgresIT}) (before the listing columns and causes) opens under schema 3 with every host's
 * verdict rank, time, failing count and cause filled in: sorting and cause filters work on old data as on new.
 */
class SchemaUpgradeTest {

    private static final AuditService AUDIT = new AuditService(RuleBook.standard());
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_schema_1_database_gets_its_listing_columns_and_causes_when_opened() throws SQLException {
        upgrades("jdbc:sqlite:" + dir.resolve("tlsready.db"), "sqlite", () -> StorageModule.sqlite(dir));
    }

    /** Writes four hosts with schema 1 at {@code url}, then opens the store there and reads them back. */
    static void upgrades(String url, String dialect, java.util.function.Supplier<StorageModule> store)
            throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/" + dialect).target("1")
                .loggers("slf4j").load().migrate();
        List<StoredReport> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            stored.add(insertV1(c, AUDIT.evaluate(Hosts.windows("2008R2").named("old-nr").x64().coverAll().updates()
                    .build()), T0));
            stored.add(insertV1(c, AuditService.failed("old-refused", "WinRM old-refused:5986",
                    "old-refused:5986: connection refused (WinRM not listening on this port)"), T0.plusSeconds(1)));
            stored.add(insertV1(c, AuditService.failed("old-dns", "WinRM old-dns:5986",
                    "old-dns:5986: unknown host (DNS name not found)"), T0.plusSeconds(2)));
            stored.add(insertV1(c, AUDIT.evaluate(Hosts.ready("2019").named("old-ready").build()), T0.plusSeconds(3)));
        }

        try (Stores stores = new Stores(store)) {
            ReportHistory history = stores.get(ReportHistory.class);

            assertThat(history.latest(HostQuery.all(0, 10)).items())
                    .containsExactlyElementsOf(stored.stream().map(HostSummary::of)
                            .sorted(java.util.Comparator.comparing(s -> HostKey.of(s.host()))).toList());
            assertThat(history.latest(HostQuery.all(0, 10).withCause(FailureCause.REFUSED)).items())
                    .extracting(HostSummary::host).containsExactly("old-refused");
            assertThat(history.failureCauses()).containsExactly(new CauseCount(FailureCause.DNS, 1),
                    new CauseCount(FailureCause.REFUSED, 1));
            assertThat(history.latest(HostQuery.all(0, 10).sortedBy(HostSort.FAILING, true)).items())
                    .extracting(HostSummary::host).containsExactly("old-nr", "old-dns", "old-ready", "old-refused");
            assertThat(history.latest(HostQuery.all(0, 10).sortedBy(HostSort.AUDITED, true)).items())
                    .extracting(HostSummary::host).containsExactly("old-ready", "old-dns", "old-refused", "old-nr");
            assertThat(history.latest(HostQuery.all(0, 10).sortedBy(HostSort.VERDICT, false)).items())
                    .extracting(HostSummary::host).containsExactly("old-ready", "old-nr", "old-dns", "old-refused");

            // an instance still on schema 1's code (a rolling upgrade) writes a host without its cause
            try (Connection c = DriverManager.getConnection(url)) {
                insertV1(c, AuditService.failed("late-old", "WinRM late-old:5986", "late-old:5986: connection refused"),
                        T0.plusSeconds(4));
            }
            assertThat(history.latest(HostQuery.all(0, 10).withNameContaining("late")).items())
                    .singleElement().satisfies(h -> assertThat(h.cause()).contains(FailureCause.REFUSED));
        }
    }

    /** A report as schema 1's code wrote it: no listing columns on hosts. */
    private static StoredReport insertV1(Connection c, HostReport report, Instant at) throws SQLException {
        List<RuleId> failing = HostSummary.of(new StoredReport(0, report, at, Optional.empty())).failing();
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reports (host_key, host, verdict, audited_ns, "
                + "scan_id, failing, error, document) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, Text.put(HostKey.of(report.host())));
            ps.setString(2, Text.put(report.host()));
            ps.setString(3, report.verdict().name());
            ps.setLong(4, Times.nanos(at));
            ps.setString(5, String.join(",", failing.stream().map(RuleId::name).toList()));
            ps.setString(6, report.error().map(Text::put).orElse(null));
            ps.setString(7, ReportRows.json(report));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        for (RuleId rule : failing) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_failing (report_id, rule) VALUES (?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, rule.name());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hosts (host_key, report_id) VALUES (?, ?)")) {
            ps.setString(1, Text.put(HostKey.of(report.host())));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return new StoredReport(id, report, at, Optional.empty());
    }
}
