package io.tlsready.app.cli;

import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.app.cli.fleet.JsonlSink;
import io.tlsready.app.cli.fleet.LineProgress;
import io.tlsready.app.cli.fleet.ResumeCommand;
import io.tlsready.app.cli.fleet.ResumeLog;
import io.tlsready.app.cli.fleet.StopSignal;
import io.tlsready.app.cli.fleet.Tally;
import io.tlsready.app.cli.fleet.TerminalProgress;
import io.tlsready.app.cli.inventory.HostPort;
import io.tlsready.app.cli.inventory.Inventory;
import io.tlsready.app.cli.inventory.InventoryHost;
import io.tlsready.app.cli.render.Format;
import io.tlsready.app.cli.render.ReportRenderer;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.audit.FleetAudit;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code tlsready audit --host|--inventory}: turns the options and the inventory into remote targets, runs the
 * fleet use case, streams JSON lines, resumes, and writes the final report. Created only on this path, so an
 * offline audit loads none of it (nor the progress bar, nor Jackson's tree reader).
 */
final class RemoteAudit {

    private static final long PROGRESS_LINE_INTERVAL_MS = 5_000;

    /** One host's settings after the inventory and the command line are merged. */
    private record Planned(String host, int port, RemoteTarget.Transport transport, RemoteTarget.Auth auth,
            String user, String origin) {
        String label() {
            return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        }
    }

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

    /** Options that make no sense without a remote target; checked before anything is read. */
    static void checkOptions(AuditCommand c) {
        RemoteOptions r = c.remote;
        if (r.refusedPassword != null) {
            throw new UsageException("--password: passwords are never taken on the command line (shell history, "
                    + "process lists); set " + Passwords.VARIABLE + ", use --password-file FILE, or type it at the prompt");
        }
        boolean jsonl = c.format == Format.JSONL;
        if (c.resume && (!jsonl || c.output == null)) {
            throw new UsageException("--resume continues a '--format jsonl --output FILE' run: give both");
        }
        if ((c.report != null || c.reportFormat != null) && !jsonl) {
            throw new UsageException("--report/--report-format go with --format jsonl; otherwise --output is the "
                    + "report");
        }
        if (r.timeoutSeconds < 1 || r.timeoutSeconds > 86_400) {
            throw new UsageException("--timeout: expected 1..86400 seconds, got " + r.timeoutSeconds);
        }
        if (r.concurrency < 1 || r.concurrency > FleetAudit.MAX_CONCURRENCY) {
            throw new UsageException("--concurrency: expected 1.." + FleetAudit.MAX_CONCURRENCY + ", got "
                    + r.concurrency);
        }
        if (r.retries < 0 || r.retries > FleetAudit.MAX_RETRIES) {
            throw new UsageException("--retries: expected 0.." + FleetAudit.MAX_RETRIES + ", got " + r.retries);
        }
        if (r.insecureSkipTlsVerify && r.pinSha256 != null) {
            throw new UsageException("--pin-sha256 and --insecure-skip-tls-verify contradict each other: choose one");
        }
    }

    int run(AuditCommand c) throws IOException {
        checkOptions(c);
        RemoteOptions r = c.remote;
        Optional<String> pin = pin(r.pinSha256);
        if (r.caCert != null && !Files.isReadable(r.caCert)) {
            throw new UsageException("--ca-cert " + r.caCert + ": cannot read it");
        }
        List<Planned> planned = plan(c.target, r);
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
        Map<String, ResumeLog.Done> done = previous;
        List<Planned> todo = planned.stream().filter(p -> !done.containsKey(p.label())).toList();
        if (c.resume) {
            err.println("tlsready: resuming " + c.output + ": " + (planned.size() - todo.size()) + " of "
                    + planned.size() + " hosts already done");
        }

        boolean kerberos = todo.stream().anyMatch(p -> p.auth() == RemoteTarget.Auth.KERBEROS);
        boolean kerberosByPassword = kerberos && KerberosPasswords.wanted(r.passwordFile, env);
        if (kerberosByPassword) {
            todo.stream().filter(p -> p.auth() == RemoteTarget.Auth.KERBEROS && p.user().isEmpty()).findFirst()
                    .ifPresent(p -> {
                        throw new UsageException(p.origin() + ": " + p.host() + ": a Kerberos login with a password"
                                + " needs --user user@REALM (or kinit first and use the ticket cache)");
                    });
        }
        char[] password = todo.stream().anyMatch(p -> p.auth() != RemoteTarget.Auth.KERBEROS) || kerberosByPassword
                ? Passwords.resolve(r.passwordFile, firstUser(todo), env, err) : new char[0];
        try {
            Supplier<char[]> secret = password::clone;
            // Kerberos without a password source uses the ticket cache: an empty password says so.
            Supplier<char[]> kerberosSecret = kerberosByPassword ? secret : () -> new char[0];
            List<RemoteTarget> targets = new ArrayList<>();
            for (Planned p : todo) {
                targets.add(new RemoteTarget(p.host(), p.port(), p.transport(), p.auth(), p.user(),
                        p.auth() == RemoteTarget.Auth.KERBEROS ? kerberosSecret : secret,
                        Optional.ofNullable(r.caCert), pin, r.insecureSkipTlsVerify,
                        Duration.ofSeconds(r.timeoutSeconds)));
            }
            return audit(c, planned, targets, previous, keep);
        } finally {
            RemoteTarget.wipe(password);
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
        RunCounts counts = new RunCounts();
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
                        TerminalProgress bar = new TerminalProgress(System.err, targets.size(), previous.size());
                        closeables.add(bar);
                        listeners.add(bar);
                    } else {
                        listeners.add(new LineProgress(err, PROGRESS_LINE_INTERVAL_MS, previous.size()));
                    }
                }
                FleetAudit.Settings settings = FleetAudit.Settings.defaults().withConcurrency(r.concurrency)
                        .withRetries(r.retries).withKeepReports(keep);
                outcome = new FleetAudit(audit, remoteHosts, settings).run(targets, all(listeners));
            } finally {
                signalled = stop.disarm();
                for (Closeable cl : closeables) {
                    cl.close();
                }
                closeQuietly(WinRmModule.closeable(remoteHosts));
            }
            if (signalled || outcome.cancelled()) {
                reportStopped(c, planned.size(), planned.size() - targets.size(), counts);
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
        AuditReport report = new AuditReport(merge(planned, targets, outcome.hosts(), previous), version,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path dest = jsonl ? ("-".equals(String.valueOf(c.report)) ? null : c.report) : c.output;
        Format format = jsonl ? reportFormat(c.reportFormat, dest) : c.format;
        ReportRenderer.Options options = c.renderOptions(format, dest);
        OutputTarget.write(dest, out, stream -> format.renderer().render(report, options, stream));
        return report.exitCode();
    }

    /**
     * Ctrl-C, SIGTERM or a cancelled run: how far it got, where the results are, and how to go on. Counts are
     * taken after the fleet stopped, so "done" is exactly the hosts whose lines are in the file.
     *
     * @param doneBefore hosts of this inventory already done in an earlier run (--resume)
     */
    private void reportStopped(AuditCommand c, int total, int doneBefore, RunCounts counts) {
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
        err.println("tlsready: interrupted: " + done + " of " + total + " hosts done"
                + (doneBefore > 0 ? " (" + doneBefore + " in an earlier run)" : "") + ", " + inFlight
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

    /** Hosts started and finished in this run; the fleet serialises listener calls. */
    private static final class RunCounts implements FleetAudit.Listener {
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

    /** Inventory order: hosts from the earlier run and from this one, then any earlier host not listed now. */
    private static List<HostReport> merge(List<Planned> planned, List<RemoteTarget> targets, List<HostReport> fresh,
            Map<String, ResumeLog.Done> previous) {
        Map<String, HostReport> byLabel = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            byLabel.put(targets.get(i).label(), fresh.get(i));
        }
        Map<String, HostReport> old = new LinkedHashMap<>();
        previous.forEach((label, d) -> old.put(label, d.report()));
        List<HostReport> hosts = new ArrayList<>();
        for (Planned p : planned) {
            HostReport h = byLabel.containsKey(p.label()) ? byLabel.get(p.label()) : old.remove(p.label());
            if (h != null) {
                hosts.add(h);
            }
        }
        hosts.addAll(old.values());
        return hosts;
    }

    /** Hosts with their settings: inventory values over command-line defaults, checked, deduplicated. */
    private List<Planned> plan(TargetOptions t, RemoteOptions r) {
        List<InventoryHost> entries = new ArrayList<>();
        if (t.host != null) {
            HostPort.Parsed p = HostPort.parse(t.host);
            entries.add(InventoryHost.of(p.value().orElseThrow(() -> new UsageException("--host " + p.problem())),
                    "--host"));
        } else {
            Inventory inv = Inventory.read(t.inventory);
            inv.warnings().forEach(w -> err.println("tlsready: warning: " + w));
            entries.addAll(inv.hosts());
            if (entries.isEmpty()) {
                throw new UsageException(t.inventory + ": no hosts in this inventory");
            }
        }
        Map<String, Planned> unique = new LinkedHashMap<>();
        List<String> ignoredCertChecks = new ArrayList<>();
        for (InventoryHost h : entries) {
            RemoteTarget.Transport transport = h.transport().orElse(r.transport);
            RemoteTarget.Auth auth = h.auth().orElse(r.auth);
            int port = h.port().orElse(RemoteTarget.defaultPort(transport));
            String user = h.user().orElse(r.user == null ? "" : r.user);
            String where = h.origin() + ": " + h.name() + ": ";
            if (transport == RemoteTarget.Transport.HTTP && auth == RemoteTarget.Auth.BASIC) {
                throw new UsageException(where + "Basic over http would send the password in clear text; "
                        + "use https, or ntlm (encrypted)");
            }
            if (user.isEmpty() && auth != RemoteTarget.Auth.KERBEROS) {
                throw new UsageException(where + "no user: give --user"
                        + (t.inventory != null ? " or a user for this host in the inventory" : ""));
            }
            if (h.certValidationIgnored()) {
                ignoredCertChecks.add(h.name());
            }
            Planned p = new Planned(h.address(), port, transport, auth, user, h.origin());
            unique.putIfAbsent(p.label().toLowerCase(Locale.ROOT), p);
        }
        if (!ignoredCertChecks.isEmpty() && !r.insecureSkipTlsVerify) {
            err.println("tlsready: warning: ansible_winrm_server_cert_validation=ignore is not honoured for "
                    + ignoredCertChecks.size() + " host(s) (e.g. " + ignoredCertChecks.get(0) + "): certificates are "
                    + "still validated; use --ca-cert, --pin-sha256 or, knowingly, --insecure-skip-tls-verify");
        }
        return new ArrayList<>(unique.values());
    }

    private static String firstUser(List<Planned> todo) {
        return todo.stream().map(Planned::user).filter(u -> !u.isEmpty()).findFirst().orElse("the account");
    }

    /** 64 hex digits, colons and spaces allowed (as certificate viewers show it); lower-case hex out. */
    static Optional<String> pin(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex = text.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new UsageException("--pin-sha256: expected the SHA-256 fingerprint of the host certificate, "
                    + "64 hex digits (colons allowed)");
        }
        return Optional.of(hex);
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
