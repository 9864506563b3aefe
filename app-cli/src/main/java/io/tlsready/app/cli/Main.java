package io.tlsready.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.tlsready.adapters.windows.LocalRegistryModule;
import io.tlsready.adapters.windows.OfflineEvidenceModule;
import io.tlsready.adapters.windows.SnapshotModule;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code tlsready} command. The only class that calls System.exit. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code (design.md: 0, 1, 2, 3). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, new CliModule(out, err),
                new OfflineEvidenceModule(), new SnapshotModule(), new LocalRegistryModule());
        CommandLine cli = new CommandLine(TlsReadyCommand.class, new GuiceFactory(injector));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler(err));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }
}
