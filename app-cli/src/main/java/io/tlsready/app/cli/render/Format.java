package io.tlsready.app.cli.render;

import io.tlsready.formats.ReportFormat;
import io.tlsready.formats.ReportRenderer;
import java.util.function.Supplier;

/**
 * Report formats of {@code audit -f} (design.md). Text is for people and the CLI's own; json for programs, jsonl for
 * streams, the rest for tools, all written by the report-formats module, as the REST API writes them.
 */
public enum Format {
    TEXT(TextRenderer::new),
    JSON(ReportFormat.JSON),
    CSV(ReportFormat.CSV),
    HTML(ReportFormat.HTML),
    JUNIT(ReportFormat.JUNIT),
    SARIF(ReportFormat.SARIF),
    /** One JSON object per host and line; streamed as hosts finish in fleet audits. */
    JSONL(ReportFormat.JSONL);

    // A supplier, not an instance: creating every renderer up front would load Jackson into a text run.
    private final Supplier<ReportRenderer> renderer;

    Format(Supplier<ReportRenderer> renderer) {
        this.renderer = renderer;
    }

    Format(ReportFormat shared) {
        this(shared::renderer);
    }

    public ReportRenderer renderer() {
        return renderer.get();
    }
}
