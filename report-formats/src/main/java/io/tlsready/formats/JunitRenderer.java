package io.tlsready.formats;

import io.tlsready.domain.output.Visible;
import io.tlsready.domain.output.XmlText;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.StatusCounts;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * JUnit XML for pipelines: one testsuite per host, one testcase per rule (docs/ci-formats.md). FAIL is a
 * {@code <failure>}; UNKNOWN an {@code <error>} (the rule could not decide); WARN a {@code <skipped
 * message="WARN: …">}, so that Azure DevOps and Jenkins show it instead of counting it as a quiet pass; PASS, INFO
 * and NOT_APPLICABLE pass, with their status and detail in {@code <system-out>}. An unreachable host is one errored
 * testcase. The counts on {@code <testsuite>} (tests, failures, errors, skipped) are those of its testcases, and
 * those on {@code <testsuites>} their sums (the consumers' schema has no {@code skipped} there).
 *
 * <p>Everything here is shown to people by CI front ends (suite and case names as tree nodes, messages and
 * bodies as text), so every evidence string is made {@link Visible} first, exactly as in the HTML report, and
 * then escaped with {@link XmlText}: no control or bidi character from a host reaches the page, and nothing
 * XML 1.0 forbids (U+FFFE, lone surrogates, C0 controls) can make the file unparsable. Bodies keep their own
 * line breaks between entries; a line break inside evidence shows as {@code \n}. The faithful data is in json.
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
            Counts c = Counts.of(h);
            tests += c.tests();
            failures += c.failures();
            errors += c.errors();
        }
        w.printf("<testsuites name=\"tlsready\" tests=\"%d\" failures=\"%d\" errors=\"%d\">%n", tests, failures, errors);
        for (HostReport h : report.hosts()) {
            suite(w, h);
        }
        w.println("</testsuites>");
        w.flush();
    }

    /** One host's testsuite counts, as its testcases have them. */
    record Counts(int tests, int failures, int errors, int skipped) {
        static Counts of(HostReport h) {
            StatusCounts counts = StatusCounts.of(h.findings());
            int error = h.error().isPresent() ? 1 : 0;
            return new Counts(h.findings().size() + error, counts.count(Status.FAIL),
                    counts.count(Status.UNKNOWN) + error, counts.count(Status.WARN));
        }
    }

    private static void suite(PrintWriter w, HostReport h) {
        Counts c = Counts.of(h);
        w.printf("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\">%n",
                text(h.host()), c.tests(), c.failures(), c.errors(), c.skipped());
        w.printf("    <properties><property name=\"os\" value=\"%s\"/><property name=\"verdict\" value=\"%s\"/>"
                + "</properties>%n", text(h.os().name()), h.verdict());
        if (h.error().isPresent()) {
            w.printf("    <testcase classname=\"%s\" name=\"HOST_REACHABLE\"><error message=\"%s\" type=\"UNKNOWN\"/>"
                    + "</testcase>%n", text(h.host()), text(h.error().get()));
        }
        for (Finding f : h.findings()) {
            w.printf("    <testcase classname=\"%s\" name=\"%s\">%n", text(h.host()), f.rule());
            String body = XmlText.escape(body(f));
            String detail = text(f.detail());
            switch (f.status()) {
                case FAIL -> w.printf("      <failure message=\"%s\" type=\"FAIL\">%s</failure>%n", detail, body);
                case UNKNOWN -> w.printf("      <error message=\"%s\" type=\"UNKNOWN\">%s</error>%n", detail, body);
                case WARN -> w.printf("      <skipped message=\"%s\" type=\"WARN\">%s</skipped>%n",
                        text("WARN: " + f.detail()), body);
                default -> w.printf("      <system-out>%s</system-out>%n", XmlText.escape(f.status() + ": ") + body);
            }
            w.println("    </testcase>");
        }
        w.println("  </testsuite>");
    }

    /** Evidence as an attribute value or text: visible first, then XML-escaped. */
    private static String text(String evidence) {
        return XmlText.escape(Visible.of(evidence));
    }

    /** Title, detail, evidence and fix on lines of their own; each line made visible, so none can forge another. */
    static String body(Finding f) {
        StringBuilder sb = new StringBuilder(Visible.of(f.title())).append('\n')
                .append(Visible.of(f.detail())).append('\n');
        for (Evidence e : f.evidence()) {
            sb.append(Visible.of(e.path() + (e.valueName().isEmpty() ? "" : "\\" + e.valueName())
                    + (e.view().isEmpty() ? "" : " [" + e.view() + "]") + ": " + e.observed())).append('\n');
        }
        f.remediation().ifPresent(r -> sb.append("fix: ").append(Visible.of(r.summary())).append('\n'));
        return sb.toString();
    }
}
