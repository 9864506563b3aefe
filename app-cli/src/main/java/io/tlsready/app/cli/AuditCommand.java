package io.tlsready.app.cli;

import io.tlsready.app.cli.render.Format;
import io.tlsready.app.cli.render.ReportRenderer;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tlsready audit}: the main job. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit one host (or this machine) for TLS 1.2 readiness to Azure Backup.", "",
            "Examples:", "  tlsready audit --snapshot host.reg systeminfo.txt",
            "  tlsready audit --snapshot examples/2008r2-not-ready/*.* --format html --output report.html"})
final class AuditCommand implements Callable<Integer> {

    enum Colour { AUTO, ALWAYS, NEVER }

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, csv, html, junit or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (replaced atomically).")
    Path output;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour in text output: auto, always or never (NO_COLOR is honoured).")
    Colour colour;

    @Option(names = {"-v", "--verbose"}, description = "Show the evidence of passing findings too.")
    boolean verbose;

    private final AuditService audit;
    private final Targets targets;
    private final PrintWriter out;
    private final String version;

    @Inject
    AuditCommand(AuditService audit, Targets targets, @Named("out") PrintWriter out, @Named("version") String version) {
        this.audit = audit;
        this.targets = targets;
        this.out = out;
        this.version = version;
    }

    @Override
    public Integer call() throws Exception {
        HostReport host = audit.audit(targets.resolve(target));
        AuditReport report = new AuditReport(List.of(host), version, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ReportRenderer.Options options = new ReportRenderer.Options(useColour(), verbose);
        OutputTarget.write(output, out, stream -> format.renderer().render(report, options, stream));
        return report.exitCode();
    }

    private boolean useColour() {
        if (format != Format.TEXT || output != null || colour == Colour.NEVER) {
            return false;
        }
        if (colour == Colour.ALWAYS) {
            return true;
        }
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null
                && (term == null || !term.toLowerCase(Locale.ROOT).equals("dumb"));
    }
}
