package io.tlsready.app.cli;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.plan.Plan;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tlsready plan}: prints the fix for exactly the FAILs, as a .reg file or a PowerShell script. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print the fix for a host's FAIL findings: a .reg file regedit imports (UTF-16LE with BOM)",
            "or a PowerShell script that backs up the keys first. Nothing is applied.", "",
            "Examples:", "  tlsready plan --snapshot host.reg systeminfo.txt --format reg --output fix.reg",
            "  tlsready plan --snapshot host.json --format ps1 --output fix.ps1"})
final class PlanCommand implements Callable<Integer> {

    enum PlanFormat { REG, PS1 }

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "reg",
            description = "reg or ps1 (default: ${DEFAULT-VALUE}).")
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
        HostReport report = audit.audit(targets.resolve(target));
        Plan plan = RemediationPlanner.plan(report, includeWarnings);
        if (plan.isEmpty()) {
            err.println("tlsready: nothing to fix on " + report.host() + " (verdict " + report.verdict() + ")");
        }
        if (format == PlanFormat.REG) {
            // To a terminal a UTF-16 file is unreadable; there, print the same text as UTF-8.
            if (output == null && System.console() != null) {
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
