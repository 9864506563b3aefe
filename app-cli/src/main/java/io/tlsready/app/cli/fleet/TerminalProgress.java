package io.tlsready.app.cli.fleet;

import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import java.io.Closeable;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on stderr, for a person watching a terminal. Its own class so that no other path loads it. */
public final class TerminalProgress implements FleetAudit.Listener, Closeable {

    private final ProgressBar bar;
    private final Tally tally = new Tally();

    public TerminalProgress(PrintStream stderr, int total, int already) {
        this.bar = new ProgressBarBuilder().setTaskName("Auditing").setInitialMax(already + (long) total)
                .startsFrom(already, java.time.Duration.ZERO).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(stderr)).build();
    }

    @Override
    public void finished(RemoteTarget target, HostReport report, FleetAudit.Progress progress) {
        tally.add(report);
        bar.step();
        bar.setExtraMessage(tally.count(Verdict.NOT_READY) + " not ready, " + tally.count(Verdict.UNKNOWN)
                + " unknown");
    }

    @Override
    public void close() {
        bar.close();
    }
}
