package io.tlsready.app.cli;

import io.tlsready.app.cli.fix.FixFormat;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.fix.FixService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsready fix}: the plan applied, journalled, verified, and undone on failure. */
@Command(name = "fix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Apply the plan's registry changes to this machine or to hosts over WinRM: a dry run "
                + "by default (a diff per host, nothing written); with --apply, a journal of every prior value "
                + "first, then each write read back, then a fresh audit. A failed write undoes the host's "
                + "writes at once. Updates (KBs, .NET) are never installed: they stay steps to do by hand.",
            "",
            "Examples:",
            "  tlsready fix --host srv1.contoso.com --user 'CONTOSO\\admin'   # dry run",
            "  tlsready fix --host srv1.contoso.com --user 'CONTOSO\\admin' --apply",
            "  tlsready fix --inventory hosts.txt --user admin --apply --canary 5 \\",
            "      --max-failures 3 \\",
            "      -f jsonl -o fix.jsonl",
            "  tlsready rollback tlsready-journals/srv1.contoso.com-*.journal.json",
            ""},
        footer = {"",
            "No target: this machine (Windows; both registry views). Evidence files (--snapshot, "
                + "--hives) cannot be fixed: fix the host they came from. "
                + "Journals: one per host and run in --backup-dir, written before the first write and "
                + "after every write (tlsready.journal/v1, docs/journal-format.md). "
                + "tlsready restarts nothing: the output lists what each host needs (SChannel and WinHTTP:",
            "a reboot; .NET: the services that use it, e.g. the MARS agent's obengine).",
            "",
            "Exit codes: 0 every host holds (fixed and verified, or nothing to do; dry run: READY), "
                + "1 some host NOT_READY or its fix failed, 3 some host unreachable or not started, "
                + "2 usage error, 130 Ctrl-C, 143 SIGTERM."})
final class FixCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = "--apply", description = "Write. Without it, a dry run: nothing is written, no journal.")
    boolean apply;

    @Option(names = "--include-warnings", description = "Also fix WARN findings (as plan --include-warnings).")
    boolean includeWarnings;

    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "tlsready-journals",
            description = "Where journals go, one per host and run (default: ./${DEFAULT-VALUE}).")
    Path backupDir;

    @Option(names = "--no-auto-rollback",
            description = "When a write fails, leave the host's earlier writes in place (undo later with rollback).")
    boolean noAutoRollback;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or jsonl (one line per host as it finishes) (default: ${DEFAULT-VALUE}).")
    FixFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the result to FILE; with jsonl, append each host's line as it finishes.")
    Path output;

    @Option(names = "--resume", description = "Continue a -f jsonl -o FILE run: skip the hosts already in FILE.")
    boolean resume;

    @Option(names = "--canary", paramLabel = "N", defaultValue = "0",
            description = "Fix N hosts first; go on only if each verified READY (or only manual steps are left).")
    int canary;

    @Option(names = "--max-failures", paramLabel = "K", defaultValue = "0",
            description = "Start no new host after K hosts failed (default: no limit).")
    int maxFailures;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    /** Set by picocli: the command line as given, for the resume command an interrupted fleet fix prints. */
    @Spec
    CommandSpec spec;

    /** The arguments exactly as given (after the program name). */
    java.util.List<String> commandLine() {
        return spec == null ? java.util.List.of() : spec.root().commandLine().getParseResult().originalArgs();
    }

    final AuditService audit;
    final Provider<FixTargets> targets;
    final Environment env;
    final PrintWriter out;
    final PrintWriter err;
    final String version;

    @Inject
    FixCommand(AuditService audit, Provider<FixTargets> targets, Environment env, @Named("out") PrintWriter out,
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
        if (!target.snapshots.isEmpty() || target.hives != null) {
            throw new UsageException((target.hives != null ? "--hives" : "--snapshot") + ": evidence files cannot "
                    + "be fixed; fix the host they came from: no target (this machine), --host or --inventory");
        }
        if (target.host != null && target.inventory != null) {
            throw new UsageException("choose one target: --host or --inventory");
        }
        if (canary < 0 || maxFailures < 0) {
            throw new UsageException("--canary and --max-failures take a number of hosts, 0 or more");
        }
        RemoteChecks.checkRemote(remote);
        if (resume && (format != FixFormat.JSONL || output == null)) {
            throw new UsageException("--resume continues a -f jsonl -o FILE run");
        }
        FixService.Options options = new FixService.Options(apply, includeWarnings, !noAutoRollback);
        return new FixRun(this, targets.get(), options).run();
    }
}
