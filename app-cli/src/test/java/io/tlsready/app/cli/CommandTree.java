package io.tlsready.app.cli;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.tlsready.adapters.windows.hive.HiveEvidenceModule;
import io.tlsready.adapters.windows.journal.JournalModule;
import io.tlsready.adapters.windows.live.LocalRegistryModule;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.adapters.windows.snapshot.SnapshotModule;
import io.tlsready.adapters.winrm.WinRmModule;
import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine;

/** The whole command model (every subcommand), wired as Main wires it: what completion and man pages describe. */
final class CommandTree {

    private CommandTree() {
    }

    static CommandLine full() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return CompletionCommand.tree(new GuiceFactory(Guice.createInjector(Stage.DEVELOPMENT,
                new CliModule(discard, discard, Environment.system()), new OfflineEvidenceModule(),
                new HiveEvidenceModule(), new SnapshotModule(), new LocalRegistryModule(), new JournalModule(),
                new WinRmModule())));
    }
}
