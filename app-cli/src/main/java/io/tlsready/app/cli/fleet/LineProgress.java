package io.tlsready.app.cli.fleet;

import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import java.io.PrintWriter;

/**
 * Progress for logs and pipes (stderr is not a terminal): one line every {@code intervalMillis}, never a
 * redrawn bar full of control characters.
 */
public final class LineProgress implements FleetAudit.Listener {

    private final PrintWriter err;
    private final long intervalNanos;
    private final Tally tally = new Tally();
    private final int already;
    private long last = System.nanoTime();

    /** @param already hosts done in an earlier run (resume), counted in the totals */
    public LineProgress(PrintWriter err, long intervalMillis, int already) {
        this.err = err;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.already = already;
    }

    @Override
    public void finished(RemoteTarget target, HostReport report, FleetAudit.Progress progress) {
        tally.add(report);
        long now = System.nanoTime();
        if (now - last >= intervalNanos) {
            last = now;
            err.println("tlsready: " + (already + progress.done()) + "/" + (already + progress.total())
                    + " hosts done: " + tally.describe() + "; " + progress.inFlight() + " in flight");
            err.flush();
        }
    }
}
