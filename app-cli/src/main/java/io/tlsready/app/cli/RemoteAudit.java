package io.tlsready.app.cli;

import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.app.cli.PlannedHosts.Planned;
import io.tlsready.app.cli.fleet.JsonlSink;
import io.tlsready.app.cli.fleet.LineProgress;
import io.tlsready.app.cli.fleet.ResumeLog;
import io.tlsready.app.cli.fleet.StopSignal;
import io.tlsready.app.cli.fleet.Tally;
import io.tlsready.app.cli.fleet.TerminalProgress;
import io.tlsready.app.cli.render.Format;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.formats.ReportRenderer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tlsready audit --host|--inventory}: turns the options and the inventory into remote targets
 * ({@link RemoteChecks}, {@link PlannedHosts}), runs the fleet use case, streams JSON lines, resumes, and writes the
 * final report (or, when stopped, {@link StoppedRun}). Created only on this path, so an
 * offline audit loads none of it (nor the progress bar, nor Jackson's tree reader).
 */
final class RemoteAudit {

    private static final long PROGRESS_LINE_INTERVAL_MS = 5_000;

    private final AuditService audit;
    private final RemoteHosts remoteHosts;
    private final Environment env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String version;

    RemoteAudit(AuditService audit, RemoteHosts remoteHosts, Environment env, PrintWriter out, PrintWriter err,
            String version) {
        this.audit = audit;
        this.remoteHosts = remoteHosts;
        this.env = env;
        this.out = out;
        this.err = err;
        this.version = version;
    }

    int run(AuditCommand c) throws IOException {
        RemoteChecks.checkOptions(c);
        RemoteOptions r = c.remote;
        Optional<String> pin = RemoteChecks.checkTrust(r);
        List<Planned> planned = PlannedHosts.plan(c.target, r, err, env.stdin());
        if (r.insecureSkipTlsVerify) {
            err.println("tlsready: warning: --insecure-skip-tls-verify: certificates are NOT checked; anyone on the "
                    + "network path can read the password and forge the results");
        }
        boolean jsonl = c.format == Format.JSONL;
        boolean keep = !jsonl || c.report != null;
        Map<String, ResumeLog.Done> previous = ResumeLog.none();
        if (jsonl && c.output != null) {
            if (Files.exists(c.output) && !c.resume) {
                throw new UsageException(c.output + " exists: add --resume to continue that run, or remove it");
            }
            if (c.resume) {
                previous = ResumeLog.read(c.output, keep, err);
            }
        }
        // A host whose earlier result is an error (unreachable, refused, timed out) is audited again, unless
        // --skip-failed keeps every earlier result; its old line stays in the file, the new one (last) wins.
        Map<String, ResumeLog.Done> done = new LinkedHashMap<>(previous);
        int retried = 0;
        for (Planned p : planned) {
            ResumeLog.Done d = done.get(p.label());
            if (d != null && d.unreachable() && !c.skipFailed) {
                done.remove(p.label());
                retried++;
            }
        }
        List<Planned> todo = planned.stream().filter(p -> !done.containsKey(p.label())).toList();
        if (c.resume) {
            err.println("tlsready: resuming " + Visible.of(c.output.toString()) + ": " + (planned.size()
                    - todo.size()) + " of " + planned.size() + " hosts skipped as done, " + retried
                    + (retried == 1 ? " failed host" : " failed hosts") + " retried"
                    + (c.skipFailed ? " (--skip-failed)" : "") + ", " + (todo.size() - retried) + " not audited yet");
        }
        previous = done;

        try (RemoteTargets targets = RemoteTargets.of(todo, r, pin, env, err)) {
            return audit(c, planned, targets.targets(), previous, keep);
        }
    }

    private int audit(AuditCommand c, List<Planned> planned, List<RemoteTarget> targets,
            Map<String, ResumeLog.Done> previous, boolean keep) throws IOException {
        RemoteOptions r = c.remote;
        boolean jsonl = c.format == Format.JSONL;
        boolean fleet = planned.size() > 1;
        List<FleetAudit.Listener> listeners = new ArrayList<>();
        List<Closeable> closeables = new ArrayList<>();
        Tally tally = new Tally();
        previous.values().forEach(d -> tally.add(d.verdict(), d.unreachable()));
        listeners.add((target, report, progress) -> tally.add(report));
        StoppedRun.RunCounts counts = new StoppedRun.RunCounts();
        listeners.add(counts);
        FleetAudit.Outcome outcome = null;
        StopSignal stop = StopSignal.arm();
        try {
            boolean signalled;
            try {
                if (jsonl) {
                    JsonlSink sink = c.output != null ? JsonlSink.append(c.output) : JsonlSink.to(stdoutBytes());
                    closeables.add(sink);
                    listeners.add(sink);
                }
                if (fleet) {
                    if (env.interactive()) {
                        TerminalProgress bar = new TerminalProgress(System.err, targets.size(), previous.size(),
                                colourAllowed(env.variable("NO_COLOR")));
                        closeables.add(bar);
                        listeners.add(bar);
                    } else {
                        listeners.add(new LineProgress(err, PROGRESS_LINE_INTERVAL_MS, previous.size()));
                    }
                }
                FleetAudit.Settings settings = FleetAudit.Settings.defaults().withConcurrency(r.concurrency)
                        .withRetries(r.retries).withKeepReports(keep);
                // Adapter failures name their remedies as hints: worded here as flags, before any report holds them.
                outcome = new FleetAudit(audit, CliHints.worded(remoteHosts), settings).run(targets, all(listeners));
            } finally {
                signalled = stop.disarm();
                for (Closeable cl : closeables) {
                    cl.close();
                }
                closeQuietly(WinRmModule.closeable(remoteHosts));
            }
            if (signalled || outcome.cancelled()) {
                StoppedRun.report(c, planned.size(), planned.size() - targets.size(), counts, tally, err);
                // After a signal the JVM exits with 130 (SIGINT) or 143 (SIGTERM) once the hook returns, whatever
                // is returned here; without one (a run cancelled otherwise), 3: hosts are left unaudited.
                return signalled ? ExitCode.INTERRUPTED : ExitCode.UNKNOWN;
            }
            return finish(c, planned, targets, outcome, previous, tally, keep);
        } finally {
            stop.reported();
        }
    }

    private int finish(AuditCommand c, List<Planned> planned, List<RemoteTarget> targets, FleetAudit.Outcome outcome,
            Map<String, ResumeLog.Done> previous, Tally tally, boolean keep) throws IOException {
        boolean jsonl = c.format == Format.JSONL;
        if (planned.size() > 1 || c.resume) {
            err.println("tlsready: " + tally.total() + " hosts: " + tally.describe()
                    + (jsonl && c.output != null ? "; results in " + c.output : ""));
        }
        if (!keep) {
            return tally.exitCode();
        }
        AuditReport report = new AuditReport(PlannedHosts.merge(planned, targets, outcome.hosts(), previous), version,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path dest = jsonl ? ("-".equals(String.valueOf(c.report)) ? null : c.report) : c.output;
        Format format = jsonl ? reportFormat(c.reportFormat, dest) : c.format;
        ReportRenderer.Options options = c.renderOptions(format, dest);
        OutputTarget.write(dest, out, stream -> format.renderer().render(report, options, stream));
        return report.exitCode();
    }

    /** NO_COLOR (https://no-color.org): any non-empty value turns colour off. Returns whether colour is allowed. */
    static boolean colourAllowed(String value) {
        return value == null || value.isEmpty();
    }

    /** The final report's format: as given, else from the file name (.json, .csv, .html, .xml, .sarif), else text. */
    static Format reportFormat(Format given, Path file) {
        if (given != null) {
            return given;
        }
        String name = file == null || file.getFileName() == null ? ""
                : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Format.HTML;
        }
        if (name.endsWith(".xml")) {
            return Format.JUNIT;
        }
        if (name.endsWith(".sarif")) {
            return Format.SARIF;
        }
        if (name.endsWith(".jsonl")) {
            throw new UsageException("--report " + file + ": the JSON lines already go to --output; choose another "
                    + "format for the final report");
        }
        return Format.TEXT;
    }

    /** JSON lines to stdout through the command's writer (whole lines, so decoding per write is exact). */
    private OutputStream stdoutBytes() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }

    /** Fans every event out to each listener in turn. */
    private static FleetAudit.Listener all(List<FleetAudit.Listener> listeners) {
        return new FleetAudit.Listener() {
            @Override
            public void started(RemoteTarget target, FleetAudit.Progress progress) {
                listeners.forEach(l -> l.started(target, progress));
            }

            @Override
            public void retrying(RemoteTarget target, int failedAttempt, Duration delay, String problem) {
                listeners.forEach(l -> l.retrying(target, failedAttempt, delay, problem));
            }

            @Override
            public void finished(RemoteTarget target, HostReport report, FleetAudit.Progress progress) {
                listeners.forEach(l -> l.finished(target, report, progress));
            }
        };
    }

    /** Releases the WinRM event loop; a failure to release it must not hide the audit's result. */
    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // The threads are daemons: at worst they live until the JVM exits.
        }
    }
}
