package io.tlsready.app.cli.fix;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.fix.FleetFix;
import io.tlsready.domain.fix.HostFix;
import io.tlsready.domain.fix.Rollback;
import io.tlsready.domain.fix.ValueChange;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.plan.Plan;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code fix} and {@code rollback} for people: per host, each value as {@code path [view] name: old -> new} with its
 * rule and what happened, the verdict before and after, what to restart and what is left to do by hand. Everything
 * the host said is shown through {@link Visible}: a control character in a value name cannot steer the terminal.
 */
public final class FixText {

    private FixText() {
    }

    public static void host(HostFix h, PrintWriter out) {
        out.println(Visible.of(h.host()) + (h.applied() ? "" : "  (dry run: nothing written)"));
        if (h.changes().isEmpty() && h.error().isPresent()) {
            out.println("  not fixed: " + Visible.of(h.error().get()));
            out.println();
            return;
        }
        if (h.changes().isEmpty()) {
            out.println("  no registry change needed" + (h.applied() ? ": nothing written" : ""));
        }
        for (ValueChange c : h.changes()) {
            out.println("  " + Visible.of(c.ref().key()) + " [" + c.ref().view().label() + "] "
                    + Visible.of(c.ref().name().isEmpty() ? "(Default)" : c.ref().name()) + ": "
                    + value(c.before()) + " -> " + value(Optional.of(c.after())) + "  " + c.outcome().words());
            out.println("      " + c.rule().name() + ": " + Visible.of(c.reason()));
            if (!c.why().isEmpty()) {
                out.println("      " + Visible.of(c.why()));
            }
        }
        String after = h.after().map(r -> r.verdict().name()).orElse("UNKNOWN");
        out.println("  verdict: " + h.before().name() + " -> " + after + (h.applied() ? "" : " (predicted)"));
        h.after().ifPresent(r -> stillFailing(r, out));
        h.journal().ifPresent(j -> out.println("  journal: " + Visible.of(j) + "  (undo: tlsready rollback "
                + Visible.of(j) + ")"));
        if (!h.restart().isEmpty() && (h.changedTheHost() || !h.applied())) {
            out.println("  to take effect (tlsready restarts nothing):");
            h.restart().forEach(r -> out.println("    " + restart(r)));
        }
        h.manual().forEach(m -> out.println("  by hand: " + Visible.of(m)));
        h.error().ifPresent(e -> out.println("  error: " + Visible.of(e)));
        out.println();
    }

    private static void stillFailing(HostReport r, PrintWriter out) {
        for (Finding f : r.findings()) {
            if (f.status() == Status.FAIL) {
                out.println("  still FAIL: " + f.rule().name() + ": " + Visible.of(f.title()));
            }
        }
    }

    public static void summary(List<HostFix> hosts, FleetFix.Outcome outcome, PrintWriter out) {
        long fixed = hosts.stream().filter(h -> h.applied() && h.changedTheHost() && h.error().isEmpty()).count();
        long nothing = hosts.stream().filter(h -> h.changes().isEmpty() && h.error().isEmpty()).count();
        long failed = hosts.stream().filter(h -> h.error().isPresent()).count();
        StringBuilder s = new StringBuilder("fix: " + hosts.size() + " host(s): " + fixed + " changed, " + nothing
                + " needed no change, " + failed + " failed");
        if (outcome.notStarted() > 0) {
            s.append(", ").append(outcome.notStarted()).append(" not started (").append(whyNotStarted(outcome.stop()))
                    .append(')');
        }
        out.println(s);
    }

    /** Why a staged run left hosts unstarted, in the words every output uses. */
    public static String whyNotStarted(FleetFix.Stop stop) {
        return switch (stop) {
            case CANARY_FAILED -> "a canary did not verify READY-or-manual";
            case TOO_MANY_FAILURES -> "--max-failures reached";
            case INTERRUPTED -> "interrupted";
            case NONE -> "stopped";
        };
    }

    public static void rollback(Rollback.Result r, PrintWriter out) {
        out.println(Visible.of(r.host()) + "  rollback of " + Visible.of(r.journal()));
        for (ValueChange v : r.values()) {
            out.println("  " + Visible.of(v.ref().key()) + " [" + v.ref().view().label() + "] "
                    + Visible.of(v.ref().name().isEmpty() ? "(Default)" : v.ref().name()) + ": back to "
                    + value(v.before()) + "  " + v.outcome().words() + (v.why().isEmpty() ? ""
                            : " (" + Visible.of(v.why()) + ")"));
        }
        for (Rollback.KeyOutcome k : r.keys()) {
            out.println("  key " + Visible.of(k.key().key()) + " [" + k.key().view().label() + "]: "
                    + k.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (k.why().isEmpty() ? "" : " (" + Visible.of(k.why()) + ")"));
        }
        out.println("  " + (r.complete() ? "as before the fix" : "NOT fully as before the fix")
                + r.error().map(e -> ": " + Visible.of(e)).orElse(""));
        out.println();
    }

    private static String restart(String what) {
        return switch (what) {
            case Plan.RESTART_HOST -> "reboot the host (SChannel and WinHTTP read their settings at start-up)";
            case Plan.RESTART_MARS -> "restart the MARS agent: net stop obengine && net start obengine (.NET reads "
                    + "its settings when a process starts)";
            default -> "restart " + what;
        };
    }

    private static String value(Optional<RegValue> v) {
        return v.map(x -> x.typeName() + " " + Visible.of(x.display())).orElse("(absent)");
    }
}
