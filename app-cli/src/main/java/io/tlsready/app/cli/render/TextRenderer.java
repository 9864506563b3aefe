package io.tlsready.app.cli.render;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.StatusCounts;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.formats.ReportRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report for people: per host the OS, the verdict, then one line per rule; FAIL, WARN and UNKNOWN
 * findings show their evidence, the fix and the sources. Colour only on a terminal.
 *
 * <p>Every string that is not the renderer's own goes through {@link Visible} before it is painted: a host
 * name or file name holding escape sequences, CR or a bidi override shows them as escapes ({@code \x1b},
 * {@code \r}, U+202E as backslash-u-202e) instead of clearing the screen or drawing a fake verdict. The only
 * control characters in the output are its line breaks and, with colour on, its own SGR colour codes.
 */
final class TextRenderer implements ReportRenderer {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Paint p = new Paint(options.colour());
        for (HostReport h : report.hosts()) {
            host(w, p, h, options.verbose());
        }
        if (report.hosts().size() != 1) {
            Map<Verdict, Integer> c = report.verdictCounts();
            w.println(p.bold("Summary: ") + report.hosts().size() + " hosts, " + p.verdict(Verdict.READY) + " "
                    + c.get(Verdict.READY) + ", " + p.verdict(Verdict.NOT_READY) + " " + c.get(Verdict.NOT_READY)
                    + ", " + p.verdict(Verdict.UNKNOWN) + " " + c.get(Verdict.UNKNOWN));
        }
        w.flush();
    }

    private static void host(PrintWriter w, Paint p, HostReport h, boolean verbose) {
        w.println(p.bold("Host     ") + shown(h.host()) + p.dim("   (" + shown(h.source()) + ")"));
        w.println(p.bold("OS       ") + shown(h.os().name()) + h.os().architecture().map(a -> "  " + a).orElse(""));
        StatusCounts counts = StatusCounts.of(h.findings());
        w.println(p.bold("Verdict  ") + p.verdict(h.verdict()) + "   " + counts.count(Status.FAIL) + " fail, "
                + counts.count(Status.WARN) + " warn, " + counts.count(Status.UNKNOWN) + " unknown, "
                + counts.count(Status.PASS) + " pass");
        h.error().ifPresent(e -> w.println(p.bold("Error    ") + shown(e)));
        for (String note : h.os().notes()) {
            w.println(p.bold("Note     ") + shown(note));
        }
        for (EvidenceWarning warning : h.warnings()) {
            w.println(p.paint(Status.WARN, "Warning  ") + shown(warning.toString()));
        }
        w.println();
        for (Finding f : h.findings()) {
            w.println("  " + p.status(f.status()) + "  " + p.bold(pad(f.rule().name(), 33)) + shown(f.title()));
            boolean detailed = verbose || f.status() == Status.FAIL || f.status() == Status.WARN
                    || f.status() == Status.UNKNOWN || f.status() == Status.INFO;
            w.println(indent() + shown(f.detail()));
            if (!detailed) {
                continue;
            }
            for (Evidence e : f.evidence()) {
                w.println(indent() + p.dim("evidence ") + shown(evidence(e)));
            }
            f.remediation().ifPresent(r -> fix(w, p, r));
            w.println(indent() + p.dim("source   ") + f.reference().stream()
                    .map(s -> "[" + s.name() + "] " + shown(s.url())).collect(Collectors.joining("  ")));
        }
        w.println();
    }

    private static void fix(PrintWriter w, Paint p, Remediation r) {
        w.println(indent() + p.dim("fix      ") + shown(r.summary()));
        for (RegistryChange c : r.changes()) {
            w.println(indent() + "         " + shown(c.ref().physicalKey() + "\\" + c.ref().name()) + " = "
                    + String.format("dword:%08x", c.after())
                    + (Evidence.viewLabel(c.ref()).isEmpty() ? "" : p.dim(" (" + Evidence.viewLabel(c.ref()) + ")")));
        }
        for (UpdateRequirement u : r.updates()) {
            w.println(indent() + "         install " + shown(u.kb() + ": " + u.title() + " <" + u.url() + ">"));
            w.println(indent() + "         " + shown(u.howToConfirm()));
        }
        for (String step : r.manualSteps()) {
            w.println(indent() + "         " + shown(step));
        }
    }

    private static String evidence(Evidence e) {
        StringBuilder sb = new StringBuilder(e.path());
        if (!e.valueName().isEmpty()) {
            sb.append('\\').append(e.valueName());
        }
        if (!e.view().isEmpty()) {
            sb.append(" [").append(e.view()).append(']');
        }
        sb.append(": ").append(e.observed());
        if (!e.expected().isEmpty()) {
            sb.append("  (expected ").append(e.expected()).append(')');
        }
        if (!e.origin().isEmpty()) {
            sb.append("  <- ").append(e.origin());
        }
        return sb.toString();
    }

    /** Text from a host, a file or the rule book as a person may see it: steering characters escaped. */
    private static String shown(String s) {
        return Visible.of(s);
    }

    private static String indent() {
        return "           ";
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
    }

    /** ANSI colouring that collapses to plain text when colour is off. */
    private record Paint(boolean on) {

        String status(Status s) {
            String label = switch (s) {
                case NOT_APPLICABLE -> "N/A    ";
                case UNKNOWN -> "UNKNOWN";
                default -> pad(s.name(), 7).substring(0, 7);
            };
            return paint(s, label);
        }

        String paint(Status s, String text) {
            String code = switch (s) {
                case PASS -> "\u001b[32m";
                case FAIL -> "\u001b[1;31m";
                case WARN -> "\u001b[33m";
                case INFO -> "\u001b[36m";
                case UNKNOWN -> "\u001b[35m";
                case NOT_APPLICABLE -> DIM;
            };
            return on ? code + text + RESET : text;
        }

        String verdict(Verdict v) {
            String label = v == Verdict.NOT_READY ? "NOT READY" : v.name();
            Status tone = v == Verdict.READY ? Status.PASS : v == Verdict.NOT_READY ? Status.FAIL : Status.UNKNOWN;
            return on ? BOLD + paint(tone, label) : label;
        }

        String bold(String s) {
            return on ? BOLD + s + RESET : s;
        }

        String dim(String s) {
            return on ? DIM + s + RESET : s;
        }
    }
}
