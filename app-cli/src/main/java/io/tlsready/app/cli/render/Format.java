package io.tlsready.app.cli.render;

import java.util.function.Supplier;

/** Report formats (design.md). Text is for people, json for programs, jsonl for streams, the rest for tools. */
public enum Format {
    TEXT(TextRenderer::new),
    JSON(JsonRenderer::new),
    CSV(CsvRenderer::new),
    HTML(HtmlRenderer::new),
    JUNIT(JunitRenderer::new),
    SARIF(SarifRenderer::new),
    /** One JSON object per host and line; streamed as hosts finish in fleet audits. */
    JSONL(JsonLinesRenderer::new);

    // A supplier, not an instance: creating every renderer up front would load Jackson into a text run.
    private final Supplier<ReportRenderer> renderer;

    Format(Supplier<ReportRenderer> renderer) {
        this.renderer = renderer;
    }

    public ReportRenderer renderer() {
        return renderer.get();
    }
}
