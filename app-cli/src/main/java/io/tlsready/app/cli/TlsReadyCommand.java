package io.tlsready.app.cli;

import jakarta.inject.Inject;
import picocli.CommandLine.Command;

/** The root command: {@code tlsready <subcommand>}; {@link Main} registers the subcommands. */
@Command(name = "tlsready", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Tells whether Windows hosts can speak TLS 1.2 to Azure Backup, shows the registry evidence "
                + "for every finding, and writes the fix.",
            ""},
        footer = {"",
            "Exit codes: 0 all hosts READY, 1 some host NOT_READY, 3 some host UNKNOWN/unreachable,",
            "            2 usage error or unreadable input.",
            "Service: tlsready serve runs the REST API (tlsready serve --help; docs/rest-api.md). "
                + "Docs: README.md; rule sources: tlsready rules"})
final class TlsReadyCommand implements Runnable {

    @Inject
    TlsReadyCommand() {
    }

    @Override
    public void run() {
        throw new UsageException("missing command: try 'tlsready audit --snapshot FILE…' or 'tlsready --help'");
    }
}
