package io.tlsready.app.cli.render;

/** Report formats (design.md). Text is for people, json for programs, the rest for tools. */
public enum Format {
    TEXT(new TextRenderer()),
    JSON(new JsonRenderer()),
    CSV(new CsvRenderer()),
    HTML(new HtmlRenderer()),
    JUNIT(new JunitRenderer()),
    SARIF(new SarifRenderer());

    private final ReportRenderer renderer;

    Format(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    public ReportRenderer renderer() {
        return renderer;
    }
}
