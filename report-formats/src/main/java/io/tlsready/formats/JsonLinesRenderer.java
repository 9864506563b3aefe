package io.tlsready.formats;

import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import java.io.IOException;
import java.io.OutputStream;

/** {@link ReportFormat#JSONL}: every host of a report as one JSON line (no summary: count the lines). */
final class JsonLinesRenderer implements ReportRenderer {

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        for (HostReport h : report.hosts()) {
            out.write(JsonLines.line(h, null));
        }
        out.flush();
    }
}
