package io.tlsready.formats;

import io.tlsready.domain.report.AuditReport;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an audit report in one format. Renderers hold no state; one instance serves every run. */
public interface ReportRenderer {

    /**
     * @param colour   ANSI colour allowed (text only, and only when writing to a terminal)
     * @param verbose  show evidence for passing findings too
     * @param terminal the report goes straight to a person's terminal: a format that carries evidence raw
     *                 (CSV) shows it {@link io.tlsready.domain.output.Visible} instead, so that no escape sequence
     *                 from a host acts on the screen
     */
    record Options(boolean colour, boolean verbose, boolean terminal) {

        /** Options for a file or a pipe. */
        public Options(boolean colour, boolean verbose) {
            this(colour, verbose, false);
        }
    }

    void render(AuditReport report, Options options, OutputStream out) throws IOException;
}
