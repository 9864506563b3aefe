package io.tlsready.app.cli.fleet;

import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import java.io.Closeable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * A progress bar on stderr, for a person watching a terminal. Its own class so that no other path loads it.
 *
 * <p>The ETA is honest to the end: while a host is still running it is never 0:00:00 (the library's linear
 * estimate rounds to that when the last hosts are slow); it shows "?" until a host of this run has finished and
 * whenever the estimate is under a second with hosts left. Under {@code NO_COLOR} the bar is drawn without colour
 * (the library's ASCII style: no escape sequence at all); {@code TERM=dumb} gets no bar (see the caller).
 */
public final class TerminalProgress implements FleetAudit.Listener, Closeable {

    private final ProgressBar bar;
    private final Tally tally = new Tally();

    public TerminalProgress(PrintStream stderr, int total, int already, boolean colour) {
        this.bar = new ProgressBarBuilder().setTaskName("Auditing").setInitialMax(already + (long) total)
                .startsFrom(already, Duration.ZERO).setUpdateIntervalMillis(250)
                .setStyle(colour ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setEtaFunction(TerminalProgress::eta)
                .setConsumer(new ConsoleProgressBarConsumer(stderr)).build();
    }

    /** The bar's ETA from its state: done in this run, hosts left and time elapsed in this run. */
    static Optional<Duration> eta(ProgressState s) {
        return eta(s.getCurrent() - s.getStart(), s.getMax() - s.getCurrent(), s.getElapsedAfterStart());
    }

    /**
     * Time left at this run's rate: empty ("?") before the first host of this run finishes, and while hosts are
     * left but the estimate is under a second; zero only when every host is done.
     */
    static Optional<Duration> eta(long doneThisRun, long left, Duration elapsed) {
        if (left <= 0) {
            return Optional.of(Duration.ZERO);
        }
        if (doneThisRun <= 0) {
            return Optional.empty();
        }
        Duration estimate = elapsed.multipliedBy(left).dividedBy(doneThisRun);
        return estimate.compareTo(Duration.ofSeconds(1)) < 0 ? Optional.empty() : Optional.of(estimate);
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
