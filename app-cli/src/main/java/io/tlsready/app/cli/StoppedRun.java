package io.tlsready.app.cli;

import io.tlsready.app.cli.fleet.ResumeCommand;
import io.tlsready.app.cli.fleet.Tally;
import io.tlsready.app.cli.render.Format;
import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What a remote audit says when Ctrl-C, SIGTERM or a cancellation stops it: how far it got, where the results
 * are, and the command that goes on.
 */
final class StoppedRun {

    /** Hosts started and finished in this run; the fleet serialises listener calls. */
    static final class RunCounts implements FleetAudit.Listener {
        int started;
        int finished;

        @Override
        public void started(RemoteTarget target, FleetAudit.Progress progress) {
            started++;
        }

        @Override
        public void finished(RemoteTarget target, HostReport report, FleetAudit.Progress progress) {
            finished++;
        }
    }

    private StoppedRun() {
    }

    /**
     * Counts are taken after the fleet stopped, so "done" is exactly the hosts whose lines are in the file.
     *
     * @param doneBefore hosts of this inventory already done in an earlier run (--resume)
     */
    static void report(AuditCommand c, int total, int doneBefore, RunCounts counts, Tally tally, PrintWriter err) {
        int done = doneBefore + counts.finished;
        int inFlight = counts.started - counts.finished;
        int notStarted = total - done - inFlight;
        boolean resumable = c.format == Format.JSONL && c.output != null;
        String where;
        if (resumable) {
            where = "results in " + Visible.of(c.output.toString());
        } else if (c.format == Format.JSONL) {
            where = "their results went to standard output";
        } else {
            where = "no report was written (it is written once every host is done)";
        }
        err.println("tlsready: interrupted: " + done + " of " + total + " hosts done (" + tally.count(Verdict.READY)
                + " READY, " + tally.count(Verdict.NOT_READY) + " NOT_READY, " + tally.count(Verdict.UNKNOWN)
                + " UNKNOWN)" + (doneBefore > 0 ? " (" + doneBefore + " in an earlier run)" : "") + ", " + inFlight
                + " in flight (stopped, not recorded), " + notStarted + " not started; " + where);
        int left = total - done;
        Optional<String> command = resumable ? ResumeCommand.of(ResumeCommand.program(), c.commandLine())
                : Optional.empty();
        if (command.isPresent()) {
            err.println("tlsready: to audit the " + left + " hosts left, run: " + command.get());
        } else {
            err.println("tlsready: to make a run resumable, write its results with -f jsonl -o FILE; --resume then"
                    + " continues it");
        }
        err.flush();
    }
}
