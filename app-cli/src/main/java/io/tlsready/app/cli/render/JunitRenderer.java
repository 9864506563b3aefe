package io.tlsready.app.cli.render;

import static io.tlsready.app.cli.render.Html.esc;

import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * JUnit XML for pipelines: one testsuite per host, one testcase per rule. FAIL is a failure; a core
 * UNKNOWN is an error (the verdict cannot be READY); NOT_APPLICABLE and other UNKNOWNs are skipped;
 * WARN and INFO pass with their detail in system-out. An unreachable host is one errored testcase.
 */
final class JunitRenderer implements ReportRenderer {

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (HostReport h : report.hosts()) {
            tests += Math.max(1, h.findings().size());
            failures += (int) h.findings().stream().filter(f -> f.status() == Status.FAIL).count();
            errors += (int) h.findings().stream().filter(JunitRenderer::isError).count() + (h.error().isPresent() ? 1 : 0);
        }
        w.printf("<testsuites name=\"tlsready\" tests=\"%d\" failures=\"%d\" errors=\"%d\">%n", tests, failures, errors);
        for (HostReport h : report.hosts()) {
            suite(w, h);
        }
        w.println("</testsuites>");
        w.flush();
    }

    private static boolean isError(Finding f) {
        return f.status() == Status.UNKNOWN && f.rule().core();
    }

    private static void suite(PrintWriter w, HostReport h) {
        long failures = h.findings().stream().filter(f -> f.status() == Status.FAIL).count();
        long errors = h.findings().stream().filter(JunitRenderer::isError).count() + (h.error().isPresent() ? 1 : 0);
        long skipped = h.findings().stream().filter(f -> f.status() == Status.NOT_APPLICABLE
                || (f.status() == Status.UNKNOWN && !f.rule().core())).count();
        w.printf("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\">%n",
                esc(h.host()), Math.max(1, h.findings().size()), failures, errors, skipped);
        w.printf("    <properties><property name=\"os\" value=\"%s\"/><property name=\"verdict\" value=\"%s\"/>"
                + "</properties>%n", esc(h.os().name()), h.verdict());
        if (h.error().isPresent()) {
            w.printf("    <testcase classname=\"%s\" name=\"HOST_REACHABLE\"><error message=\"%s\"/></testcase>%n",
                    esc(h.host()), esc(h.error().get()));
        }
        for (Finding f : h.findings()) {
            w.printf("    <testcase classname=\"%s\" name=\"%s\">%n", esc(h.host()), f.rule());
            String body = body(f);
            if (f.status() == Status.FAIL) {
                w.printf("      <failure message=\"%s\" type=\"FAIL\">%s</failure>%n", esc(f.detail()), esc(body));
            } else if (isError(f)) {
                w.printf("      <error message=\"%s\" type=\"UNKNOWN\">%s</error>%n", esc(f.detail()), esc(body));
            } else if (f.status() == Status.NOT_APPLICABLE || f.status() == Status.UNKNOWN) {
                w.printf("      <skipped message=\"%s\"/>%n", esc(f.status() + ": " + f.detail()));
            } else {
                w.printf("      <system-out>%s</system-out>%n", esc(f.status() + ": " + body));
            }
            w.println("    </testcase>");
        }
        w.println("  </testsuite>");
    }

    private static String body(Finding f) {
        StringBuilder sb = new StringBuilder(f.title()).append('\n').append(f.detail()).append('\n');
        for (Evidence e : f.evidence()) {
            sb.append(e.path()).append(e.valueName().isEmpty() ? "" : "\\" + e.valueName())
                    .append(e.view().isEmpty() ? "" : " [" + e.view() + "]").append(": ").append(e.observed()).append('\n');
        }
        f.remediation().ifPresent(r -> sb.append("fix: ").append(r.summary()).append('\n'));
        return sb.toString();
    }
}
