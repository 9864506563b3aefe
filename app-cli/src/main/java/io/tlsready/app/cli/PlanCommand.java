package io.tlsready.app.cli;

import io.tlsready.app.cli.render.PlanRenderer;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.plan.Plan;
import io.tlsready.domain.plan.PlanPrediction;
import io.tlsready.domain.plan.PlanVerifier;
import io.tlsready.domain.plan.PowerShellFormat;
import io.tlsready.domain.plan.RegFileFormat;
import io.tlsready.domain.plan.RemediationPlanner;
import io.tlsready.domain.report.ExitPolicy;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.book.RuleBook;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tlsready plan}: the fix for exactly the FAILs, as a .reg file or a PowerShell script to run, or described
 * as text or JSON with the verdict predicted once the registry changes are written.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print the fix for a host's FAIL findings: a .reg file regedit imports (UTF-16LE with BOM)",
            "or a PowerShell script that backs up the keys first; or, as text or JSON (tlsready.plan/v1), the changes,",
            "manual steps, restarts and the predicted verdict. Nothing is applied.", "",
            "Examples:", "  tlsready plan --snapshot host.reg systeminfo.txt --format reg --output fix.reg",
            "  tlsready plan --snapshot host.json --format ps1 --output fix.ps1",
            "  tlsready plan --snapshot host.reg systeminfo.txt --format json",
            "  tlsready plan --verify fix.reg fix.ps1", "",
            "--verify checks planned files before they are run: exit 0 when every file is what tlsready wrote",
            "(checksum in its header matches, only values tlsready's fixes write), 1 when any is not,",
            "2 when a file cannot be read."})
final class PlanCommand implements Callable<Integer> {

    enum PlanFormat { TEXT, JSON, REG, PS1 }

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text, json, reg or ps1 (default: text on a terminal, else reg).")
    PlanFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the plan to FILE (default stdout).")
    Path output;

    @Option(names = "--include-warnings", description = "Also fix WARN findings that have a registry fix.")
    boolean includeWarnings;

    @Option(names = "--verify", paramLabel = "FILE", arity = "1..*",
            description = "Check planned .reg/.ps1 files instead of planning: header checksum and content.")
    List<Path> verify = new ArrayList<>();

    private final AuditService audit;
    private final Targets targets;
    private final PrintWriter out;
    private final PrintWriter err;

    @Inject
    PlanCommand(AuditService audit, Targets targets, @Named("out") PrintWriter out, @Named("err") PrintWriter err) {
        this.audit = audit;
        this.targets = targets;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!verify.isEmpty()) {
            if (target.count() > 0 || output != null || includeWarnings) {
                throw new UsageException("plan --verify takes only files: drop --snapshot/--hives/--host/--output");
            }
            return verifyFiles();
        }
        HostFacts facts = targets.resolve(target).collect(audit.ruleBook().request());
        HostReport report = audit.evaluate(facts);
        Plan plan = RemediationPlanner.plan(report, includeWarnings);
        if (plan.isEmpty()) {
            err.println("tlsready: nothing to fix on " + Visible.of(report.host()) + " (verdict " + report.verdict() + ")");
        }
        boolean terminal = output == null && System.console() != null;
        PlanFormat chosen = format != null ? format : terminal ? PlanFormat.TEXT : PlanFormat.REG;
        if (chosen == PlanFormat.TEXT || chosen == PlanFormat.JSON) {
            PlanRenderer.HostPlan described = new PlanRenderer.HostPlan(facts, report, plan,
                    PlanPrediction.predict(audit, facts, plan));
            byte[] text = (chosen == PlanFormat.TEXT ? PlanRenderer.text(described)
                    : PlanRenderer.json(List.of(described))).getBytes(StandardCharsets.UTF_8);
            OutputTarget.write(output, out, stream -> stream.write(text));
        } else if (chosen == PlanFormat.REG) {
            // To a terminal a UTF-16 file is unreadable; there, print the same text as UTF-8.
            if (terminal) {
                out.print(RegFileFormat.text(plan));
                out.flush();
            } else {
                OutputTarget.writeBytes(output, out, rawStdout(), RegFileFormat.bytes(plan));
            }
        } else if (output == null && System.console() != null) {
            out.print(PowerShellFormat.text(plan));
            out.flush();
        } else {
            OutputTarget.writeBytes(output, out, rawStdout(), PowerShellFormat.bytes(plan));
        }
        return ExitPolicy.of(report.verdict()).code();
    }

    /** One line per file: "OK  file  host H  fixes A, B" on stdout, or "file: what is wrong" on stderr. */
    private int verifyFiles() {
        Set<ValueRef> writable = RuleBook.standard().writable();
        int rejected = 0;
        int unreadable = 0;
        for (Path file : verify) {
            String name = Visible.of(file.toString());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | RuntimeException e) {
                err.println(name + ": cannot read: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file"
                        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : Visible.of(String.valueOf(e.getMessage()))));
                unreadable++;
                continue;
            }
            PlanVerifier.Result r = PlanVerifier.verify(bytes, writable);
            if (r.ok()) {
                out.println("OK  " + name + "  host " + Visible.of(r.host()) + "  fixes "
                        + (r.rules().isEmpty() ? "nothing" : Visible.of(String.join(", ", r.rules()))));
            } else {
                err.println(name + ": " + r.problem());
                rejected++;
            }
        }
        out.flush();
        err.flush();
        return ExitPolicy.ofPlanCheck(verify.size(), rejected, unreadable).code();
    }

    @SuppressWarnings("resource")
    private static OutputStream rawStdout() {
        return new FileOutputStream(FileDescriptor.out);
    }
}
