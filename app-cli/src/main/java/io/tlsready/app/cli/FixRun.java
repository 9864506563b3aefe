package io.tlsready.app.cli;

import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.app.cli.PlannedHosts.Planned;
import io.tlsready.app.cli.fix.FixFormat;
import io.tlsready.app.cli.fix.FixJson;
import io.tlsready.app.cli.fix.FixText;
import io.tlsready.app.cli.fleet.ResumeCommand;
import io.tlsready.app.cli.fleet.StopSignal;
import io.tlsready.domain.fix.FixDocument;
import io.tlsready.domain.fix.FixService;
import io.tlsready.domain.fix.FleetFix;
import io.tlsready.domain.fix.HostFix;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.JournalStore;
import io.tlsready.domain.port.RemoteEditors;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.ExitPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One {@code tlsready fix} run: the hosts (this machine, or the planned remote hosts with their credentials), the
 * fleet stages, JSON lines as hosts finish, and the final text or JSON. Created only on this path.
 */
final class FixRun {

    private final FixCommand c;
    private final FixTargets ports;
    private final FixService.Options options;
    private final FixJson json = new FixJson(io.tlsready.formats.JsonEscapes.factory());

    FixRun(FixCommand c, FixTargets ports, FixService.Options options) {
        this.c = c;
        this.ports = ports;
        this.options = options;
    }

    int run() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        FixService.Run run = new FixService.Run(runId, now.toString(), c.version);
        JournalStore journals = c.apply ? ports.journals.get().in(c.backupDir) : DRY_RUN;
        FixService service = new FixService(c.audit, journals);
        if (c.target.host == null && c.target.inventory == null) {
            String me = localName();
            // First, so that off Windows the refusal is fix's ("writing the local registry needs Windows …"),
            // not the audit's advice to pass evidence files, which fix cannot take.
            ports.localEditor.get().open().close();
            try (JsonLines lines = new JsonLines()) {
                HostFix one = service.fix(ports.local.get().open(), () -> ports.localEditor.get().open(),
                        Journal.Where.thisMachine(me), run, options);
                lines.finished(me, one, 1);
                return finish(List.of(one), new FleetFix.Outcome(List.of(Optional.of(one)), FleetFix.Stop.NONE,
                        one.error().isPresent() ? 1 : 0), List.of(me), lines, now);
            }
        }
        Optional<String> pin = RemoteChecks.checkTrust(c.remote);
        List<Planned> planned = PlannedHosts.plan(c.target, c.remote, c.err, c.env.stdin());
        Set<String> done = c.resume && Files.exists(c.output) ? FixResume.doneTargets(c.output) : Set.of();
        if (c.format == FixFormat.JSONL && c.output != null && Files.exists(c.output) && !c.resume) {
            throw new UsageException(c.output + " exists: add --resume to continue that run, or remove it");
        }
        List<Planned> todo = planned.stream().filter(p -> !done.contains(p.label())).toList();
        if (c.resume) {
            c.err.println("tlsready: resuming " + c.output + ": " + done.size() + " of " + planned.size()
                    + " hosts already done");
        }
        RemoteHosts unworded = ports.remoteHosts();
        RemoteHosts hosts = CliHints.worded(unworded);
        RemoteEditors editors = ports.remoteEditors();
        try (RemoteTargets targets = RemoteTargets.of(todo, c.remote, pin, c.env, c.err);
                JsonLines lines = new JsonLines()) {
            List<Supplier<HostFix>> tasks = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                RemoteTarget t = targets.targets().get(i);
                Planned p = todo.get(i);
                Journal.Where where = new Journal.Where(p.host(), false, p.port(), p.transport().name(),
                        p.auth().name());
                tasks.add(() -> service.fix(hosts.open(t), () -> editors.open(t), where, run, options));
            }
            List<String> labels = todo.stream().map(Planned::label).toList();
            FleetFix.Outcome outcome;
            StopSignal stop = StopSignal.arm();
            boolean signalled;
            try {
                outcome = new FleetFix(new FleetFix.Settings(c.remote.concurrency, options.apply() ? c.canary : 0,
                        c.maxFailures)).run(tasks, (index, fix) -> lines.finished(labels.get(index), fix, todo.size()),
                                () -> false);
            } finally {
                signalled = stop.disarm();
            }
            try {
                List<HostFix> finished = outcome.hosts().stream().flatMap(Optional::stream).toList();
                int code = finish(finished, outcome, labels, lines, now);
                if (signalled) {
                    int doneNow = planned.size() - todo.size() + finished.size();
                    boolean resumable = c.format == FixFormat.JSONL && c.output != null;
                    c.err.println("tlsready: interrupted: " + doneNow + " of " + planned.size() + " hosts done"
                            + (resumable ? "; results in " + Visible.of(c.output.toString()) : ""));
                    Optional<String> again = resumable
                            ? ResumeCommand.of(ResumeCommand.program(), c.commandLine()) : Optional.empty();
                    c.err.println(again.map(cmd -> "tlsready: to fix the " + (planned.size() - doneNow)
                            + " hosts left, run: " + cmd).orElse("tlsready: to make a run resumable, write its "
                            + "results with -f jsonl -o FILE; --resume then continues it"));
                    c.err.flush();
                }
                return signalled ? ExitCode.INTERRUPTED : code;
            } finally {
                stop.reported();
            }
        } finally {
            closeQuietly(WinRmModule.closeable(unworded));
            closeQuietly(WinRmModule.closeableEditors(editors));
        }
    }

    private int finish(List<HostFix> fixes, FleetFix.Outcome outcome, List<String> labels, JsonLines lines,
            Instant now) throws IOException {
        List<String> notStarted = new ArrayList<>();
        for (int i = 0; i < outcome.hosts().size(); i++) {
            if (outcome.hosts().get(i).isEmpty()) {
                notStarted.add(labels.get(i));
            }
        }
        String why = FixText.whyNotStarted(outcome.stop());
        switch (c.format) {
            case JSON -> OutputTarget.write(c.output, c.out, s -> json.document(fixes, notStarted, why, c.version,
                    now.toString(), s));
            case JSONL -> {
                // Every finished host's line is already written; the hosts never started follow, one line each.
                for (String target : notStarted) {
                    lines.write(json.notStartedLine(target, why));
                }
            }
            case TEXT -> {
                StringWriter text = new StringWriter();
                PrintWriter w = new PrintWriter(text);
                fixes.forEach(f -> FixText.host(f, w));
                if (outcome.hosts().size() > 1) {
                    FixText.summary(fixes, outcome, w);
                }
                w.flush();
                OutputTarget.write(c.output, c.out, s -> s.write(text.toString().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
            }
            default -> throw new IllegalStateException(c.format.name());
        }
        if (c.format != FixFormat.TEXT && outcome.hosts().size() > 1) {
            StringWriter summary = new StringWriter();
            FixText.summary(fixes, outcome, new PrintWriter(summary, true));
            c.err.print(summary);
            c.err.flush();
        }
        int code = FixDocument.exitCode(fixes);
        if (outcome.notStarted() > 0 && code == ExitPolicy.READY) {
            code = ExitPolicy.UNKNOWN;
        }
        return code;
    }

    /** JSON lines of finished hosts, to the output file (appended, flushed per line) or stdout, as they finish. */
    private final class JsonLines implements AutoCloseable {
        private final OutputStream file;
        private int finished;

        JsonLines() throws IOException {
            this.file = c.format == FixFormat.JSONL && c.output != null
                    ? Files.newOutputStream(c.output, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : null;
        }

        void finished(String label, HostFix fix, int total) {
            finished++;
            try {
                if (c.format == FixFormat.JSONL) {
                    write(json.line(label, fix));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (total > 1) {
                c.err.println("tlsready: fix: " + finished + "/" + total + " " + label + ": "
                        + (fix.error().isPresent() ? "failed" : fix.changedTheHost() ? "changed" : "no change"));
            }
        }

        void write(byte[] line) throws IOException {
            if (file != null) {
                file.write(line);
                file.flush();
            } else {
                c.out.print(new String(line, java.nio.charset.StandardCharsets.UTF_8));
                c.out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            }
        }
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // The run's result is written; a connection pool that does not close cleanly changes nothing.
        }
    }

    /** A dry run never writes a journal; a call here would be a bug. */
    private static final JournalStore DRY_RUN = new JournalStore() {
        @Override
        public String save(Journal journal) {
            throw new IllegalStateException("a dry run writes no journal");
        }

        @Override
        public Journal load(String location) {
            throw new IllegalStateException("a dry run reads no journal");
        }
    };
}
