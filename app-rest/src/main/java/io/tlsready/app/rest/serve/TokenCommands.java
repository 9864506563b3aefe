package io.tlsready.app.rest.serve;

import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Role;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlsready serve token create|list|revoke}: the service's bearer tokens, on the same {@code --data}/{@code
 * --db} as the server (which may be running: a new token works at once, a revoked one stops at once).
 */
final class TokenCommands {

    private final ServeCommand serve;
    private final Storage storage;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    TokenCommands(ServeCommand serve, Storage storage, Clock clock, PrintWriter out, PrintWriter err) {
        this.serve = serve;
        this.storage = storage;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** {@code token} with its three subcommands, ready to add under {@code serve}. */
    CommandLine commandLine() {
        return new CommandLine(new Group())
                .addSubcommand("create", new Create())
                .addSubcommand("list", new ListTokens())
                .addSubcommand("revoke", new Revoke());
    }

    /** Opens the store the options name, runs {@code work} with its tokens, closes the store. */
    private int withTokens(Function<Tokens, Integer> work) {
        ServeCommand.StoreChoice choice = serve.store();
        DataDir data = DataDir.prepare(choice.data());
        try (OpenStore store = OpenStore.open(storage, data, choice.db())) {
            String actor = "cli:" + ServeCommand.printable(System.getProperty("user.name", "?"));
            return work.apply(new Tokens(store.tokens(), store.activity(), clock, actor));
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "(create | list | revoke)",
            description = {"Creates, lists and revokes bearer tokens, on the same --data/--db as serve (which may be "
                + "running). Roles: reader (GET only), operator (everything)."})
    static final class Group implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "missing subcommand: create, list or revoke");
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a token and prints its secret on stdout, once: it is stored only as a hash."})
    final class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "Who or what it is for (unique; letters, digits, . _ @ + -).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "reader|operator",
                description = "reader: GET only; operator: also uploads, scans, cancels.")
        Role role;

        @Override
        public Integer call() {
            return withTokens(tokens -> {
                Tokens.Issued issued = tokens.create(name, role);
                out.println(issued.secret());
                out.flush();
                err.println("tlsready serve: created " + role.name().toLowerCase(Locale.ROOT) + " token '"
                        + name + "' (id " + issued.token().id() + "); its secret is shown only this once");
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists every token, revoked ones too: id, name, role, created, revoked (never a secret)."})
    final class ListTokens implements Callable<Integer> {

        @Override
        public Integer call() {
            return withTokens(tokens -> {
                out.printf("%-12s  %-24s  %-8s  %-20s  %s%n", "ID", "NAME", "ROLE", "CREATED", "REVOKED");
                for (AccessToken t : tokens.all()) {
                    out.printf("%-12s  %-24s  %-8s  %-20s  %s%n", t.id(), ServeCommand.printable(t.name()),
                            t.role().name().toLowerCase(Locale.ROOT), time(t.created()),
                            t.revoked().map(TokenCommands::time).orElse("-"));
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes a token by id or name: it stops working at once and stays listed."})
    final class Revoke implements Callable<Integer> {

        @Parameters(paramLabel = "ID|NAME", description = "The token's id or name (see token list).")
        String idOrName;

        @Override
        public Integer call() {
            return withTokens(tokens -> {
                AccessToken t = tokens.revoke(idOrName);
                err.println("tlsready serve: revoked token '" + ServeCommand.printable(t.name()) + "' (id " + t.id()
                        + ")");
                return 0;
            });
        }
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
