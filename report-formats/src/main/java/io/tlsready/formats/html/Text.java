package io.tlsready.formats.html;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What templates call to word and order things: FAIL first, registry paths that break only after a backslash. */
final class Text {

    /** The order findings are listed in: what to act on first. */
    static final List<Status> ORDER = List.of(Status.FAIL, Status.WARN, Status.UNKNOWN, Status.INFO, Status.PASS,
            Status.NOT_APPLICABLE);

    private Text() {
    }

    static int rank(Status s) {
        return ORDER.indexOf(s);
    }

    /** FAIL, WARN, UNKNOWN, INFO, PASS, N/A; rule-book order within a status. */
    static List<Finding> failFirst(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparingInt(f -> rank(f.status()))).toList();
    }

    /** A status as a badge says it. */
    static String status(Status s) {
        return s == Status.NOT_APPLICABLE ? "N/A" : s.name();
    }

    /**
     * A registry path that may break only after a backslash: the text escaped, a {@code <wbr>} after each {@code \},
     * and a key name with spaces in it ("TLS 1.2", "Internet Settings") in a {@code <span>} that the stylesheet keeps
     * on one line (the spaces stay spaces, so a copied path pastes as it was).
     */
    static Content path(String path) {
        return out -> {
            int from = 0;
            for (int i = path.indexOf('\\'); i >= 0; i = path.indexOf('\\', from)) {
                segment(out, path.substring(from, i));
                out.writeContent("\\<wbr>");
                from = i + 1;
            }
            segment(out, path.substring(from));
        };
    }

    private static void segment(TemplateOutput out, String segment) {
        if (segment.indexOf(' ') < 0 || segment.isBlank()) {
            out.writeUserContent(segment);
            return;
        }
        out.writeContent("<span>");
        out.writeUserContent(segment);
        out.writeContent("</span>");
    }

    /** Where the evidence was read: the key and, for a value, its name. */
    static Content path(Evidence e) {
        return path(e.valueName().isEmpty() ? e.path() : e.path() + "\\" + e.valueName());
    }

    static Content path(RegistryChange c) {
        return path(c.ref().physicalKey() + "\\" + c.ref().name());
    }

    /** The value a change writes, as regedit shows it. */
    static String dword(RegistryChange c) {
        return String.format(Locale.ROOT, "dword:%08x", c.after());
    }

    /** The evidence's short name inside a host's details (its key is in the finding kind): value name or last key. */
    static String shortName(Evidence e) {
        String name = e.valueName().isEmpty() ? e.path().substring(e.path().lastIndexOf('\\') + 1) : e.valueName();
        return e.view().isEmpty() ? name : name + " (" + e.view() + ")";
    }

    static String os(HostReport h) {
        return h.os().name() + h.os().architecture().map(a -> " · " + a).orElse("");
    }

    /** A share of a whole as a rounded percentage: a legend's figure, a bar's CSS width. */
    static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }
}
