package io.tlsready.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.book.RuleBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example set's report, stored and read back from SQLite, is the very same HostReport. */
class ExampleReportsRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void every_example_sets_report_reads_back_from_the_database_equal() throws IOException {
        OfflineEvidence evidence = Guice.createInjector(new OfflineEvidenceModule()).getInstance(OfflineEvidence.class);
        AuditService audit = new AuditService(RuleBook.standard());
        List<HostReport> reports = new ArrayList<>();
        try (Stream<Path> sets = Files.list(Path.of("..", "examples"))) {
            for (Path set : sets.filter(Files::isDirectory).sorted().toList()) {
                List<Path> files;
                try (Stream<Path> f = Files.list(set)) {
                    files = f.filter(Files::isRegularFile).sorted().toList();
                }
                if (!files.isEmpty()) {
                    reports.add(audit.audit(evidence.open(files)));
                }
            }
        }
        assertThat(reports).as("the .reg/systeminfo example sets").hasSizeGreaterThanOrEqualTo(6);

        try (Stores stores = new Stores(() -> StorageModule.sqlite(dir))) {
            ReportHistory history = stores.get(ReportHistory.class);
            List<StoredReport> saved = new ArrayList<>();
            for (HostReport r : reports) {
                saved.add(history.save(r, Instant.parse("2026-03-01T00:00:00Z")));
            }
            ReportHistory reopened = stores.reopen(ReportHistory.class);
            for (StoredReport s : saved) {
                assertThat(reopened.report(s.id()).orElseThrow().report()).isEqualTo(s.report());
            }
        }
    }
}
