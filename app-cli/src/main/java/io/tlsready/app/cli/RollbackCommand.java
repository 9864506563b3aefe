package io.tlsready.app.cli;

import io.tlsready.app.cli.PlannedHosts.Planned;
import io.tlsready.app.cli.fix.FixFormat;
import io.tlsready.app.cli.fix.FixJson;
import io.tlsready.app.cli.fix.FixText;
import io.tlsready.domain.fix.Rollback;
import io.tlsready.domain.inventory.HostPort;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.port.JournalStore;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.ExitPolicy;
import io.tlsready.formats.JsonEscapes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tlsready rollback JOURNAL…}: a fix undone exactly, from its journal. */
@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Undo a fix from its journal: every value back as it was (or deleted when it did not "
                + "exist), every key the fix created removed when empty, each checked by reading it back. The "
                + "host comes from the journal (--host overrides); credentials as for audit. Rolling back twice "
                + "is harmless. A value changed since the fix wrote it is reported and left alone unless --force.",
            "",
            "Examples:",
            "  tlsready rollback tlsready-journals/srv1-20261207T101500Z-1a2b.journal.json \\",
            "      --user 'CONTOSO\\admin'",
            "  tlsready rollback tlsready-journals/*.journal.json --user admin -f json \\",
            "      -o rollback.json",
            ""},
        footer = {"",
            "Exit codes: 0 every host as before the fix, 1 some value or key left as it is (changed "
                + "since, or not empty), 3 some host unreachable, 2 usage error or unreadable journal."})
final class RollbackCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOURNAL", arity = "1..*", description = "Journal files written by tlsready fix.")
    List<Path> journals = new ArrayList<>();

    @Option(names = "--host", paramLabel = "NAME[:PORT]",
            description = "Reach the host here instead of the address in the journal.")
    String host;

    @Option(names = "--force", description = "Also restore values changed since the fix wrote them.")
    boolean force;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    FixFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE.")
    Path output;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    private final Provider<FixTargets> targets;
    private final Environment env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String version;

    @Inject
    RollbackCommand(Provider<FixTargets> targets, Environment env, @Named("out") PrintWriter out,
            @Named("err") PrintWriter err, @Named("version") String version) {
        this.targets = targets;
        this.env = env;
        this.out = out;
        this.err = err;
        this.version = version;
    }

    @Override
    public Integer call() throws Exception {
        output = OutputTarget.orStdout(output);
        if (format == FixFormat.JSONL) {
            throw new UsageException("rollback writes text or json");
        }
        RemoteChecks.checkRemote(remote);
        FixTargets ports = targets.get();
        List<Rollback.Result> results = new ArrayList<>();
        int unreachable;
        List<RemoteTargets> secrets = new ArrayList<>(); // passwords, wiped when the run ends
        try {
            unreachable = undoAll(ports, results, secrets);
        } finally {
            secrets.forEach(RemoteTargets::close);
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        if (format == FixFormat.JSON) {
            OutputTarget.write(output, out, s -> new FixJson(JsonEscapes.factory()).rollback(results, version, now, s));
        } else {
            StringWriter text = new StringWriter();
            PrintWriter w = new PrintWriter(text);
            results.forEach(r -> FixText.rollback(r, w));
            w.flush();
            OutputTarget.write(output, out, s -> s.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
        long incomplete = results.stream().filter(r -> !r.complete()).count();
        boolean connectionLost = results.stream().anyMatch(r -> r.error().isPresent() && r.values().isEmpty());
        if (incomplete == 0) {
            return ExitPolicy.READY;
        }
        return unreachable > 0 || connectionLost ? ExitPolicy.UNKNOWN : ExitPolicy.NOT_READY;
    }

    private int undoAll(FixTargets ports, List<Rollback.Result> results, List<RemoteTargets> secrets) {
        int unreachable = 0;
        for (Path file : journals) {
            Path folder = file.toAbsolutePath().getParent();
            JournalStore store = ports.journals.get().in(folder);
            Journal journal = store.load(file.toString());
            try (RegistryEditor editor = editor(ports, journal, secrets)) {
                results.add(new Rollback(store).undo(editor, journal, file.toString(), force));
            } catch (RegistryEditException e) {
                unreachable++;
                results.add(new Rollback.Result(journal.where().host(), file.toString(), List.of(), List.of(),
                        Optional.of(e.getMessage())));
            }
        }
        return unreachable;
    }

    private RegistryEditor editor(FixTargets ports, Journal journal, List<RemoteTargets> secrets) {
        Journal.Where where = journal.where();
        if (where.local() && host == null) {
            return ports.localEditor.get().open();
        }
        String name = where.host();
        int port = where.port();
        if (host != null) {
            HostPort.Parsed p = HostPort.parse(host);
            HostPort hp = p.value().orElseThrow(() -> new UsageException("--host " + p.problem()));
            name = hp.host();
            port = hp.port().orElse(port);
        }
        RemoteTarget.Transport transport = where.transport().isEmpty() ? remote.transport
                : RemoteTarget.Transport.valueOf(where.transport());
        RemoteTarget.Auth auth = where.auth().isEmpty() ? remote.auth : RemoteTarget.Auth.valueOf(where.auth());
        if (port == 0) {
            port = RemoteTarget.defaultPort(transport);
        }
        String user = remote.user == null ? "" : remote.user;
        if (user.isEmpty() && auth != RemoteTarget.Auth.KERBEROS) {
            throw new UsageException(name + ": no user: give --user");
        }
        Planned planned = new Planned(name, port, transport, auth, user, "journal");
        RemoteTargets remoteTargets = RemoteTargets.of(List.of(planned), remote, RemoteChecks.checkTrust(remote),
                env, err);
        secrets.add(remoteTargets);
        return ports.remoteEditors().open(remoteTargets.targets().get(0));
    }
}
