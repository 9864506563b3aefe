package io.tlsready.formats;

import static io.tlsready.domain.output.HtmlText.escape;

import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.StatusCounts;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * One self-contained HTML file (no scripts, no external resources: it opens from a mail attachment or a
 * locked-down jump host) with a summary chart in inline SVG, then each host's findings with evidence and fix.
 * Every string that is not the renderer's own markup goes through {@link io.tlsready.domain.output.HtmlText}:
 * evidence is text, never markup, and its control and bidi characters show as escapes.
 */
final class HtmlRenderer implements ReportRenderer {

    private static final Map<Verdict, String> VERDICT_COLOURS = Map.of(
            Verdict.READY, "#2e7d32", Verdict.NOT_READY, "#c62828", Verdict.UNKNOWN, "#6a1b9a");
    private static final Map<Status, String> STATUS_COLOURS = new EnumMap<>(Map.of(
            Status.PASS, "#2e7d32", Status.FAIL, "#c62828", Status.WARN, "#ef6c00", Status.INFO, "#0277bd",
            Status.NOT_APPLICABLE, "#9e9e9e", Status.UNKNOWN, "#6a1b9a"));

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.println("<title>tlsready report</title><style>");
        w.println("body{font-family:Segoe UI,Arial,sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse;width:100%;margin:1em 0}"
                + "th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}"
                + "th{background:#f3f3f3}.tag{color:#fff;border-radius:3px;padding:1px 6px;font-weight:bold}"
                + "code{font-size:12px;word-break:break-all}.host{margin-top:2em;border-top:3px solid #444}"
                + "small{color:#666}");
        w.println("</style></head><body>");
        w.println("<h1>TLS 1.2 readiness for Azure Backup</h1>");
        w.println("<p><small>tlsready " + escape(report.toolVersion()) + ", " + escape(report.generatedAt()) + "</small></p>");
        chart(w, report);
        for (HostReport h : report.hosts()) {
            host(w, h);
        }
        w.println("</body></html>");
        w.flush();
    }

    /** Verdicts as one stacked bar, and per rule the spread of statuses across hosts. */
    private static void chart(PrintWriter w, AuditReport report) {
        Map<Verdict, Integer> counts = report.verdictCounts();
        int total = Math.max(1, report.hosts().size());
        w.println("<h2>Summary</h2>");
        w.println("<svg role=\"img\" aria-label=\"verdicts\" width=\"600\" height=\"50\" viewBox=\"0 0 600 50\">");
        double x = 0;
        for (Verdict v : Verdict.values()) {
            double width = 600.0 * counts.get(v) / total;
            if (width > 0) {
                w.printf(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"30\" fill=\"%s\">"
                        + "<title>%s: %d</title></rect>%n", x, width, VERDICT_COLOURS.get(v), v, counts.get(v));
            }
            x += width;
        }
        w.println("</svg>");
        w.print("<p>");
        for (Verdict v : Verdict.values()) {
            w.print("<span class=\"tag\" style=\"background:" + VERDICT_COLOURS.get(v) + "\">" + v + "</span> "
                    + counts.get(v) + " &nbsp; ");
        }
        w.println("of " + report.hosts().size() + " host(s)</p>");
        w.println("<svg role=\"img\" aria-label=\"findings per rule\" width=\"700\" height=\""
                + (RuleId.values().length * 18 + 4) + "\">");
        int row = 0;
        for (RuleId rule : RuleId.values()) {
            StatusCounts per = StatusCounts.of(report.hosts().stream()
                    .flatMap(h -> h.findings().stream().filter(f -> f.rule() == rule)).toList());
            int y = row++ * 18;
            w.printf("<text x=\"0\" y=\"%d\" font-size=\"11\">%s</text>%n", y + 12, rule.name());
            double bx = 260;
            for (Status s : Status.values()) {
                int n = per.count(s);
                double width = 420.0 * n / total;
                if (n > 0) {
                    w.printf(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" "
                            + "fill=\"%s\"><title>%s %s: %d</title></rect>%n", bx, y, width, STATUS_COLOURS.get(s),
                            rule.name(), s, n);
                }
                bx += width;
            }
        }
        w.println("</svg>");
    }

    private static void host(PrintWriter w, HostReport h) {
        w.println("<section class=\"host\"><h2>" + escape(h.host()) + " <span class=\"tag\" style=\"background:"
                + VERDICT_COLOURS.get(h.verdict()) + "\">" + h.verdict() + "</span></h2>");
        w.println("<p>" + escape(h.os().name()) + h.os().architecture().map(a -> " &middot; " + a).orElse("")
                + " &middot; <small>" + escape(h.source()) + "</small></p>");
        h.error().ifPresent(e -> w.println("<p><b>Not audited:</b> " + escape(e) + "</p>"));
        for (String note : h.os().notes()) {
            w.println("<p><b>Note:</b> " + escape(note) + "</p>");
        }
        h.warnings().forEach(warning -> w.println("<p><b>Warning:</b> " + escape(warning.toString()) + "</p>"));
        if (h.findings().isEmpty()) {
            w.println("</section>");
            return;
        }
        w.println("<table><tr><th>Status</th><th>Rule</th><th>Finding</th><th>Evidence</th><th>Fix</th>"
                + "<th>Sources</th></tr>");
        for (Finding f : h.findings()) {
            w.print("<tr><td><span class=\"tag\" style=\"background:" + STATUS_COLOURS.get(f.status()) + "\">"
                    + f.status() + "</span></td><td><code>" + f.rule() + "</code>" + (f.rule().core() ? " <small>core</small>" : "")
                    + "</td><td><b>" + escape(f.title()) + "</b><br>" + escape(f.detail()) + "</td><td>");
            for (Evidence e : f.evidence()) {
                w.print("<code>" + escape(e.path() + (e.valueName().isEmpty() ? "" : "\\" + e.valueName())
                        + (e.view().isEmpty() ? "" : " [" + e.view() + "]")) + "</code>: " + escape(e.observed())
                        + (e.expected().isEmpty() ? "" : " <small>(expected " + escape(e.expected()) + ")</small>") + "<br>");
            }
            w.print("</td><td>");
            f.remediation().ifPresent(r -> {
                w.print(escape(r.summary()) + "<br>");
                for (RegistryChange c : r.changes()) {
                    w.print("<code>" + escape(c.ref().physicalKey() + "\\" + c.ref().name()) + " = "
                            + String.format("dword:%08x", c.after()) + "</code><br>");
                }
                for (UpdateRequirement u : r.updates()) {
                    w.print("<a href=\"" + escape(u.url()) + "\">" + escape(u.kb()) + "</a> " + escape(u.title()) + "<br>");
                }
                r.manualSteps().forEach(s -> w.print(escape(s) + "<br>"));
            });
            w.print("</td><td>");
            for (Source s : f.reference()) {
                w.print("<a href=\"" + escape(s.url()) + "\" title=\"" + escape(s.title()) + "\">" + s.name() + "</a> ");
            }
            w.println("</td></tr>");
        }
        w.println("</table></section>");
    }
}
