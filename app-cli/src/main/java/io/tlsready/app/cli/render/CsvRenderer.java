package io.tlsready.app.cli.render;

import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per finding per host (RFC 4180, CRLF, UTF-8 with BOM so Excel shows non-ASCII right).
 * Cells that start with = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
final class CsvRenderer implements ReportRenderer {

    static final List<String> HEADER = List.of("host", "os", "verdict", "rule", "core", "status", "title", "detail",
            "evidence", "remediation", "reference");

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        row(w, HEADER);
        for (HostReport h : report.hosts()) {
            if (h.error().isPresent()) {
                row(w, List.of(h.host(), h.os().name(), h.verdict().name(), "", "", "UNKNOWN", "host not audited",
                        h.error().get(), "", "", ""));
            }
            for (Finding f : h.findings()) {
                row(w, List.of(h.host(), h.os().name(), h.verdict().name(), f.rule().name(),
                        Boolean.toString(f.rule().core()), f.status().name(), f.title(), f.detail(),
                        f.evidence().stream().map(CsvRenderer::evidence).collect(Collectors.joining(" | ")),
                        f.remediation().map(r -> r.summary()).orElse(""),
                        f.reference().stream().map(Enum::name).collect(Collectors.joining(" "))));
            }
        }
        w.flush();
    }

    private static String evidence(Evidence e) {
        String where = e.valueName().isEmpty() ? e.path() : e.path() + "\\" + e.valueName();
        return where + (e.view().isEmpty() ? "" : " [" + e.view() + "]") + " = " + e.observed();
    }

    static void row(PrintWriter w, List<String> cells) {
        w.print(cells.stream().map(CsvRenderer::cell).collect(Collectors.joining(",")));
        w.print("\r\n");
    }

    static String cell(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
