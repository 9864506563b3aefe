package io.tlsready.formats;

import io.tlsready.domain.output.CsvText;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per finding per host (RFC 4180, CRLF, UTF-8 with BOM so Excel shows non-ASCII right). Every cell goes
 * through {@link CsvText#cell}: evidence is carried as it is (a spreadsheet is data, not a terminal), quoted when
 * it holds a separator, quote or line break, and a cell that a spreadsheet would run as a formula is prefixed
 * with {@code '}. Columns are only ever added, at the end: {@code target} (issue 13) is the address a remote audit
 * contacted, as the JSON lines carry it, empty for offline evidence.
 * Printed straight to a terminal ({@link Options#terminal}), cells are made {@link Visible} first: there the CSV
 * is read by a person, and an escape sequence from a host would act on the screen.
 */
final class CsvRenderer implements ReportRenderer {

    static final List<String> HEADER = List.of("host", "os", "verdict", "rule", "core", "status", "title", "detail",
            "evidence", "remediation", "reference", "target");

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        row(w, options, HEADER);
        for (HostReport h : report.hosts()) {
            if (h.error().isPresent()) {
                row(w, options, List.of(h.host(), h.os().name(), h.verdict().name(), "", "", "UNKNOWN",
                        "host not audited", h.error().get(), "", "", "", h.target().orElse("")));
            }
            for (Finding f : h.findings()) {
                row(w, options, List.of(h.host(), h.os().name(), h.verdict().name(), f.rule().name(),
                        Boolean.toString(f.rule().core()), f.status().name(), f.title(), f.detail(),
                        f.evidence().stream().map(CsvRenderer::evidence).collect(Collectors.joining(" | ")),
                        f.remediation().map(r -> r.summary()).orElse(""),
                        f.reference().stream().map(Enum::name).collect(Collectors.joining(" ")),
                        h.target().orElse("")));
            }
        }
        w.flush();
    }

    /** The evidence cell's entry for one observation (entries are joined with " | "). */
    static String evidence(Evidence e) {
        String where = e.valueName().isEmpty() ? e.path() : e.path() + "\\" + e.valueName();
        return where + (e.view().isEmpty() ? "" : " [" + e.view() + "]") + " = " + e.observed();
    }

    private static void row(PrintWriter w, Options options, List<String> cells) {
        w.print(cells.stream().map(c -> CsvText.cell(options.terminal() ? Visible.of(c) : c))
                .collect(Collectors.joining(",")));
        w.print("\r\n");
    }
}
