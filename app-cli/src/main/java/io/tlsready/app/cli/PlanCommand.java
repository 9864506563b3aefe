package io.tlsready.app.cli;

import io.tlsready.app.cli.render.PlanRenderer;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.plan.Plan;
import io.tlsready.domain.plan.PlanPrediction;
import io.tlsready.domain.plan.PowerShellFormat;
import io.tlsready.domain.plan.RegFileFormat;
import io.tlsready.domain.plan.RemediationPlanner;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
            "  tlsready plan --snapshot host.reg systeminfo.txt --format json"})
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
        } else {
            byte[] script = PowerShellFormat.text(plan).getBytes(StandardCharsets.UTF_8);
            OutputTarget.write(output, out, stream -> stream.write(script));
        }
        return report.verdict() == Verdict.NOT_READY ? ExitCode.NOT_READY
                : report.verdict() == Verdict.UNKNOWN ? ExitCode.UNKNOWN : ExitCode.READY;
    }

    @SuppressWarnings("resource")
    private static OutputStream rawStdout() {
        return new FileOutputStream(FileDescriptor.out);
    }
}
