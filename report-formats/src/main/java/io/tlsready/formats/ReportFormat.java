package io.tlsready.formats;

import java.util.function.Supplier;

/**
 * The report documents both apps write: {@code tlsready audit -f FORMAT} and the REST API's scan reports are the
 * same bytes for the same report. Text for a terminal is the CLI's own (app-cli).
 */
public enum ReportFormat {
    /** The JSON contract, {@code tlsready.report/v1}. */
    JSON("application/json", JsonRenderer::new),
    /** One row per finding per host, RFC 4180, UTF-8 with BOM. */
    CSV("text/csv; charset=utf-8", CsvRenderer::new),
    /** One self-contained page. */
    HTML("text/html; charset=utf-8", HtmlRenderer::new),
    /** JUnit XML for pipelines. */
    JUNIT("application/xml", JunitRenderer::new),
    /** SARIF 2.1.0 for code-scanning dashboards. */
    SARIF("application/sarif+json", SarifRenderer::new),
    /** One JSON object per host and line. */
    JSONL("application/jsonl", JsonLinesRenderer::new);

    private final String mediaType;
    // A supplier, not an instance: creating every renderer up front would load Jackson into a text run.
    private final Supplier<ReportRenderer> renderer;

    ReportFormat(String mediaType, Supplier<ReportRenderer> renderer) {
        this.mediaType = mediaType;
        this.renderer = renderer;
    }

    /** The document's media type, with the charset where the type has one. */
    public String mediaType() {
        return mediaType;
    }

    public ReportRenderer renderer() {
        return renderer.get();
    }
}
