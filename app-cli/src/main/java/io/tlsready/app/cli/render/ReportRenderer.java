package io.tlsready.app.cli.render;

import io.tlsready.domain.report.AuditReport;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an audit report in one format. Renderers hold no state; one instance serves every run. */
public interface ReportRenderer {

    /**
     * @param colour  ANSI colour allowed (text only, and only when writing to a terminal)
     * @param verbose show evidence for passing findings too
     */
    record Options(boolean colour, boolean verbose) {
    }

    void render(AuditReport report, Options options, OutputStream out) throws IOException;
}
