package io.tlsready.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.AuditReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each format names its media type and renders a document that starts as that type's documents do. */
class ReportFormatTest {

    private static final AuditReport REPORT = new AuditReport(
            List.of(AuditService.failed("srv1", "winrm", "connection refused")), "t", "2026-12-07T00:00:00Z");

    @Test
    void each_format_has_its_media_type() {
        assertThat(ReportFormat.values()).extracting(ReportFormat::mediaType).containsExactly("application/json",
                "text/csv; charset=utf-8", "text/html; charset=utf-8", "application/xml", "application/sarif+json",
                "application/jsonl");
    }

    @Test
    void each_format_writes_a_document_of_its_kind() throws IOException {
        Map<ReportFormat, String> starts = Map.of(ReportFormat.JSON, "{", ReportFormat.CSV, "\ufeffhost,os,verdict",
                ReportFormat.HTML, "<!DOCTYPE html>", ReportFormat.JUNIT, "<?xml", ReportFormat.SARIF, "{",
                ReportFormat.JSONL, "{\"host\":\"srv1\"");
        for (ReportFormat f : ReportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.renderer().render(REPORT, new ReportRenderer.Options(false, false), out);
            assertThat(out.toString(StandardCharsets.UTF_8)).as(f.name()).startsWith(starts.get(f)).contains("srv1");
        }
    }
}
