package io.tlsready.app.cli;

import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.SnapshotWriter;
import io.tlsready.domain.rules.book.RuleBook;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tlsready collect}: gathers exactly the facts the rule book needs into one JSON snapshot. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect the rule book's facts from raw evidence (or this machine) into a JSON snapshot "
                + "that 'tlsready audit --snapshot' reads back to the same result.",
            "",
            "Example:",
            "  tlsready collect --snapshot host.reg systeminfo.txt --output host.json"})
final class CollectCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the snapshot to FILE (default stdout).")
    Path output;

    private final RuleBook ruleBook;
    private final Targets targets;
    private final SnapshotWriter writer;
    private final PrintWriter out;

    @Inject
    CollectCommand(RuleBook ruleBook, Targets targets, SnapshotWriter writer, @Named("out") PrintWriter out) {
        this.ruleBook = ruleBook;
        this.targets = targets;
        this.writer = writer;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        output = OutputTarget.orStdout(output);
        HostFacts facts = targets.resolve(target).collect(ruleBook.request());
        OutputTarget.write(output, out, stream -> writer.write(facts, stream));
        return ExitCode.READY;
    }
}
