package io.tlsready.app.cli;

import io.tlsready.app.cli.render.Format;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.formats.ReportRenderer;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsready audit}: the main job. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audit one host (or this machine, or a fleet over WinRM) for TLS 1.2 readiness "
                + "to Azure Backup.",
            "",
            "Examples:",
            "  tlsready audit --snapshot host.reg systeminfo.txt",
            "  tlsready audit --snapshot examples/2008r2-not-ready/*.* -f html -o report.html",
            "  tlsready audit --host srv1.contoso.com --user 'CONTOSO\\auditor'",
            "  tlsready audit --inventory hosts.ini -f jsonl -o out.jsonl --report fleet.html",
            "  tlsready audit --inventory hosts.ini -f jsonl -o out.jsonl --resume",
            ""},
        footer = {"",
            "Remote audit (--host, --inventory): HTTPS on 5986 with certificate validation "
                + "and NTLM by default; http (5985) only with NTLM, which encrypts every message. "
                + "An inventory may set port, transport, auth and user per host; those win over "
                + "the options. Inventories: one host per line (NAME[:PORT]), CSV with a header "
                + "(host,port,transport,auth,user), or Ansible INI (ansible_host, ansible_port, "
                + "ansible_user, ansible_winrm_transport, ansible_winrm_scheme). Password: "
                + "--password-file, else TLSREADY_PASSWORD, else a prompt; never as an argument.",
            "",
            "Fleet output: -f jsonl -o FILE appends one JSON object per host as it finishes "
                + "(a killed run loses nothing; --resume audits the hosts not in FILE and those whose "
                + "line there is an error, such as unreachable; --resume --skip-failed skips every host in FILE). "
                + "The "
                + "final report, in any other format, goes to --report FILE (format from "
                + "--report-format or the file name; '-' = stdout). With jsonl and no --report, "
                + "no host is kept in memory and only a summary line is printed. Other formats "
                + "with --host/--inventory write the report of all hosts to --output or stdout.",
            "",
            "Ctrl-C or SIGTERM stops a remote audit cleanly: it says how many hosts are "
                + "done and with which verdicts, where the results are, and prints the command that resumes "
                + "the run.",
            "",
            "Progress (fleets): a bar on a terminal, plain (no colour) when NO_COLOR is set; one line every "
                + "5 seconds when stderr is not a terminal or TERM=dumb.",
            "",
            "Exit codes: 0 all hosts READY, 1 some host NOT_READY, 3 some host UNKNOWN or "
                + "unreachable, 2 usage error or unreadable input, 130 Ctrl-C, 143 SIGTERM."})
final class AuditCommand implements Callable<Integer> {

    enum Colour { AUTO, ALWAYS, NEVER }

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, csv, html, junit, sarif, or jsonl (one line per host, streamed for fleets) "
                    + "(default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (replaced atomically); with --format jsonl, append each host's "
                    + "line as it finishes.")
    Path output;

    @Option(names = "--resume", description = "Continue a --format jsonl --output FILE run: skip the hosts done in "
            + "FILE, audit again those whose result there is an error (unreachable, refused, timed out).")
    boolean resume;

    @Option(names = "--skip-failed", description = "With --resume: skip every host in FILE, failed ones too.")
    boolean skipFailed;

    @Option(names = "--report", paramLabel = "FILE",
            description = "With --format jsonl: also write the final report of all hosts to FILE ('-' = stdout).")
    Path report;

    @Option(names = "--report-format", paramLabel = "FORMAT",
            description = "Format of --report (default: from its name: .json .csv .html .xml(junit) .sarif, else text).")
    Format reportFormat;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour in text output: auto, always or never (NO_COLOR is honoured).")
    Colour colour;

    @Option(names = {"-v", "--verbose"}, description = "Show the evidence of passing findings too.")
    boolean verbose;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    /** Set by picocli: the command line as given, for the resume command an interrupted fleet run prints. */
    @Spec
    CommandSpec spec;

    private final AuditService audit;
    private final Targets targets;
    private final Environment env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String version;

    @Inject
    AuditCommand(AuditService audit, Targets targets, Environment env, @Named("out") PrintWriter out,
            @Named("err") PrintWriter err, @Named("version") String version) {
        this.audit = audit;
        this.targets = targets;
        this.env = env;
        this.out = out;
        this.err = err;
        this.version = version;
    }

    @Override
    public Integer call() throws Exception {
        output = OutputTarget.orStdout(output);
        if (targets.isRemote(target)) {
            RemoteChecks.checkOptions(this);
            return new RemoteAudit(audit, targets.remoteHosts(), env, out, err, version).run(this);
        }
        if (resume || skipFailed || report != null || reportFormat != null) {
            throw new UsageException("--resume, --skip-failed, --report and --report-format are for "
                    + "--host/--inventory audits");
        }
        HostReport host = audit.audit(targets.resolve(target));
        AuditReport result = new AuditReport(List.of(host), version,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ReportRenderer.Options options = renderOptions(format, output);
        OutputTarget.write(output, out, stream -> format.renderer().render(result, options, stream));
        return result.exitCode();
    }

    /** How to render a report in format {@code f} to {@code destination} (null = stdout). */
    ReportRenderer.Options renderOptions(Format f, Path destination) {
        return new ReportRenderer.Options(useColour(f, destination), verbose, destination == null && env.interactive());
    }

    /** The arguments exactly as given (after the program name). */
    List<String> commandLine() {
        return spec == null ? List.of() : spec.root().commandLine().getParseResult().originalArgs();
    }

    boolean useColour(Format f, Path destination) {
        if (f != Format.TEXT || destination != null || colour == Colour.NEVER) {
            return false;
        }
        if (colour == Colour.ALWAYS) {
            return true;
        }
        return env.interactive() && RemoteAudit.colourAllowed(env.variable("NO_COLOR"));
    }
}
