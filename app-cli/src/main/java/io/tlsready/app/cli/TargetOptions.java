package io.tlsready.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the evidence comes from (design.md): exactly one target, or none for this machine. */
final class TargetOptions {

    @Option(names = "--snapshot", paramLabel = "FILE", arity = "1..*",
            description = "Evidence files that all describe ONE host: .reg exports, systeminfo, wmic qfe or "
                    + "Get-HotFix output, tlsready JSON snapshots (recognised by content). A folder stands for its "
                    + "files, sorted by name, without dot files and subfolders; '-' reads one document from stdin. "
                    + "Repeatable.")
    List<Path> snapshots = new ArrayList<>();

    @Option(names = "--hives", paramLabel = "DIR",
            description = "A folder with SYSTEM and SOFTWARE hive files, or a mounted Windows volume.")
    Path hives;

    @Option(names = "--host", paramLabel = "NAME[:PORT]", description = "A remote host, audited over WinRM.")
    String host;

    @Option(names = "--inventory", paramLabel = "FILE", description = "A list of hosts to audit over WinRM ('-' = stdin).")
    Path inventory;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    /** Describes the chosen target for messages. */
    int count() {
        int n = snapshots.isEmpty() ? 0 : 1;
        n += hives != null ? 1 : 0;
        n += host != null ? 1 : 0;
        n += inventory != null ? 1 : 0;
        return n;
    }
}
