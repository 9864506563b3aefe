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
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
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
import java.util.Locale;
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
        description = {"Show the fix for a host's FAIL findings. Without --output it prints a readable text plan: "
                + "each registry value to change, from what to what and why, the manual steps, and what must "
                + "restart. The files to run come with --format and --output: a .reg file regedit imports (UTF-16LE "
                + "with BOM) or a PowerShell script that backs up the keys first; JSON (tlsready.plan/v1) adds the "
                + "predicted verdict. Nothing is applied.", "",
            "Examples:", "  tlsready plan --snapshot host.reg systeminfo.txt",
            "  tlsready plan --snapshot host.reg systeminfo.txt --format reg --output fix.reg",
            "  tlsready plan --snapshot host.json --format ps1 --output fix.ps1",
            "  tlsready plan --snapshot host.reg systeminfo.txt --format json",
            "  tlsready plan --verify fix.reg fix.ps1", "",
            "Exit codes: 0 a plan was made (or nothing needs changing), 3 the evidence does not show some value "
                + "a rule needs (each is named on stderr; no .reg or .ps1 is written when there is nothing to "
                + "fix), 2 usage error or unreadable input.", "",
            "--verify checks planned files before they are run: exit 0 when every file is what tlsready wrote "
                + "(checksum in its header matches, only values tlsready's fixes write), 1 when any is not, 2 when "
                + "a file cannot be read."})
final class PlanCommand implements Callable<Integer> {

    enum PlanFormat { TEXT, JSON, REG, PS1 }

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text, json, reg or ps1 (default: text; with --output, from the file name: .ps1, "
                    + ".json, .txt, else reg).")
    PlanFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the plan to FILE; '-' writes the file's bytes to stdout (default: the text "
                    + "plan on stdout).")
    Path output;

    @Option(names = "--include-warnings", description = "Also fix WARN findings that have a registry fix.")
    boolean includeWarnings;

    @Option(names = "--verify", paramLabel = "FILE", arity = "1..*",
            description = "Check planned .reg/.ps1 files instead of planning: header checksum and content "
                    + "('-' = stdin).")
    List<Path> verify = new ArrayList<>();

    private final AuditService audit;
    private final Targets targets;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Environment env;

    @Inject
    PlanCommand(AuditService audit, Targets targets, @Named("out") PrintWriter out, @Named("err") PrintWriter err,
            Environment env) {
        this.env = env;
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
        PlanFormat chosen = format != null ? format : output != null ? fromName(output) : PlanFormat.TEXT;
        boolean script = chosen == PlanFormat.REG || chosen == PlanFormat.PS1;
        String host = Visible.of(report.host());
        if (report.verdict() == Verdict.UNKNOWN) {
            missing(report).forEach(err::println);
            if (plan.isEmpty() && script) {
                err.println("tlsready: no " + (chosen == PlanFormat.REG ? ".reg" : ".ps1") + " written: nothing to "
                        + "fix is known on " + host + " until that evidence is collected");
                err.flush();
                return ExitCode.UNKNOWN;
            }
        } else if (plan.isEmpty()) {
            err.println("tlsready: nothing to change on " + host + " (verdict " + report.verdict() + ")");
            if (format == null && output == null) {
                err.flush();
                return ExitCode.READY;
            }
        }
        int code = report.verdict() == Verdict.UNKNOWN ? ExitCode.UNKNOWN : ExitCode.READY;
        boolean terminal = output == null && Consoles.attached();
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
        } else if (terminal) {
            out.print(PowerShellFormat.text(plan));
            out.flush();
        } else {
            OutputTarget.writeBytes(output, out, rawStdout(), PowerShellFormat.bytes(plan));
        }
        return code;
    }

    /** The format a file name asks for: .ps1, .json, .txt, else a .reg file. */
    static PlanFormat fromName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ps1")) {
            return PlanFormat.PS1;
        }
        if (name.endsWith(".json")) {
            return PlanFormat.JSON;
        }
        return name.endsWith(".txt") ? PlanFormat.TEXT : PlanFormat.REG;
    }

    /**
     * Why the verdict is UNKNOWN, one line each: the host could not be read, or which rule lacks which value
     * (evidence NOT_COLLECTED), so the admin knows what to export.
     */
    static List<String> missing(HostReport report) {
        List<String> lines = new ArrayList<>();
        String host = Visible.of(report.host());
        report.error().ifPresent(e -> lines.add("tlsready: " + host + ": not audited: " + Visible.of(e)));
        List<Finding> unknown = report.findings().stream().filter(f -> f.status() == Status.UNKNOWN).toList();
        if (!unknown.isEmpty()) {
            lines.add("tlsready: " + host + ": verdict UNKNOWN: the evidence does not show what "
                    + unknown.size() + (unknown.size() == 1 ? " rule needs:" : " rules need:"));
        }
        for (Finding f : unknown) {
            List<String> what = new ArrayList<>();
            for (Evidence e : f.evidence()) {
                if (e.observed().startsWith("NOT_COLLECTED")) {
                    what.add(e.path() + (e.valueName().isEmpty() ? "" : "\\" + e.valueName())
                            + (e.view().isEmpty() ? "" : " (" + e.view() + ")"));
                }
            }
            lines.add("tlsready:   " + f.rule() + ": " + Visible.of(what.isEmpty() ? f.detail()
                    : "not collected: " + String.join(", ", what)));
        }
        return lines;
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
                bytes = OutputTarget.isDash(file) ? env.stdin().readAllBytes() : Files.readAllBytes(file);
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
