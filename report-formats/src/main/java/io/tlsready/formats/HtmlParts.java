package io.tlsready.formats;

import static io.tlsready.domain.output.HtmlText.escape;

import gg.jte.Content;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Parts of the HTML report the dashboard shows too. STUB on branch {@code pages}: the same signature as the
 * report helper's templates (common12.md), kept only until their version lands; the lead keeps theirs at merge.
 */
public final class HtmlParts {

    private static final List<Status> ORDER = List.of(Status.FAIL, Status.WARN, Status.UNKNOWN, Status.INFO,
            Status.PASS, Status.NOT_APPLICABLE);

    private HtmlParts() {
    }

    /** A host's findings table, FAIL first, with evidence, fix and sources. */
    public static Content findings(HostReport host) {
        StringBuilder w = new StringBuilder();
        w.append("<table class=\"data findings\"><thead><tr><th>Status</th><th>Rule</th><th>Finding</th>"
                + "<th>Evidence</th><th>Fix</th><th>Sources</th></tr></thead><tbody>");
        List<Finding> sorted = host.findings().stream()
                .sorted(Comparator.comparingInt((Finding f) -> ORDER.indexOf(f.status()))).toList();
        for (Finding f : sorted) {
            w.append("<tr data-rule=\"").append(f.rule()).append("\" data-status=\"").append(f.status())
                    .append("\"><td><span class=\"badge s-").append(f.status()).append("\">").append(f.status())
                    .append("</span></td><td><code class=\"rule\">").append(f.rule()).append("</code></td><td><b>")
                    .append(escape(f.title())).append("</b><br>").append(escape(f.detail()))
                    .append("</td><td class=\"evidence\">");
            for (Evidence e : f.evidence()) {
                w.append("<code class=\"path\">").append(path(e.path() + (e.valueName().isEmpty() ? ""
                        : "\\" + e.valueName()))).append("</code> ").append(escape(e.view())).append(": ")
                        .append(escape(e.observed())).append(e.expected().isEmpty() ? ""
                                : " <small>(expected " + escape(e.expected()) + ")</small>").append("<br>");
            }
            w.append("</td><td class=\"fix\">");
            f.remediation().ifPresent(r -> {
                w.append(escape(r.summary())).append("<br>");
                for (RegistryChange c : r.changes()) {
                    w.append("<code class=\"path\">").append(path(c.ref().physicalKey() + "\\" + c.ref().name()))
                            .append("</code> = ").append(String.format(Locale.ROOT, "dword:%08x", c.after()))
                            .append("<br>");
                }
                for (UpdateRequirement u : r.updates()) {
                    w.append("<a href=\"").append(escape(u.url())).append("\">").append(escape(u.kb()))
                            .append("</a> ").append(escape(u.title())).append("<br>");
                }
                r.manualSteps().forEach(s -> w.append(escape(s)).append("<br>"));
            });
            w.append("</td><td>");
            for (Source s : f.reference()) {
                w.append("<a href=\"").append(escape(s.url())).append("\" title=\"").append(escape(s.title()))
                        .append("\">").append(s.name()).append("</a> ");
            }
            w.append("</td></tr>");
        }
        w.append("</tbody></table>");
        String html = w.toString();
        return output -> output.writeContent(html);
    }

    /** Escaped, with a break opportunity after every backslash and nowhere else. */
    private static String path(String p) {
        return escape(p).replace("\\", "\\<wbr>");
    }

    /** The stylesheet the report inlines and the dashboard serves. */
    public static String stylesheet() {
        return """
                body{font-family:"Segoe UI",Arial,sans-serif;color:#222;margin:0;line-height:1.4}
                table.data{border-collapse:collapse;width:100%}
                table.data th,table.data td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
                table.data th{background:#f3f3f3}
                .badge{display:inline-block;color:#fff;border-radius:3px;padding:1px 6px;font-weight:bold;
                white-space:nowrap}
                .v-READY,.s-PASS{background:#2e7d32}.v-NOT_READY,.s-FAIL{background:#c62828}
                .v-UNKNOWN,.s-UNKNOWN{background:#6a1b9a}.s-WARN{background:#ef6c00}.s-INFO{background:#0277bd}
                .s-NOT_APPLICABLE{background:#9e9e9e}
                code.rule{white-space:nowrap}code.path{word-break:keep-all;overflow-wrap:normal}
                .num{font-variant-numeric:tabular-nums;font-weight:bold}
                """;
    }
}
