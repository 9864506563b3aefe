package io.tlsready.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import io.tlsready.adapters.windows.hive.HiveEvidenceModule;
import io.tlsready.adapters.windows.journal.JournalModule;
import io.tlsready.adapters.windows.live.LocalRegistryModule;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.adapters.windows.snapshot.SnapshotModule;
import io.tlsready.adapters.winrm.WinRmModule;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Entry point of the {@code tlsready} command. The only class that calls System.exit. */
public final class Main {

    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();
    private static final Pattern UNKNOWN_OPTION = Pattern.compile("Unknown option: '([^']*)'");
    private static final Pattern UNKNOWN_COMMAND = Pattern.compile("Unknown subcommand '([^']*)'");
    /** Help narrower than this is unreadable (picocli's own minimum is 55). */
    private static final int MIN_WIDTH = 55;

    private Main() {
    }

    static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("audit", AuditCommand.class);
        m.put("collect", CollectCommand.class);
        m.put("plan", PlanCommand.class);
        m.put("fix", FixCommand.class);
        m.put("rollback", RollbackCommand.class);
        m.put("rules", RulesCommand.class);
        m.put("hive", HiveCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return m;
    }

    static {
        // Start-up is a product feature (admins run audits in loops): Guice's generated fast classes and the
        // stack traces it records per binding cost more at start-up than they save in a short-lived process.
        defaultProperty("guice_bytecode_gen_option", "DISABLED");
        defaultProperty("guice_include_stack_traces", "OFF");
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, stdout(), new PrintWriter(System.err, true)));
    }

    /**
     * A file or a pipe gets UTF-8, the encoding every report format declares (a C locale would otherwise turn
     * each non-ASCII character of a host's evidence, and CSV's byte-order mark, into '?'); a console gets the
     * encoding it is set to.
     */
    private static PrintWriter stdout() {
        return Consoles.attached() ? new PrintWriter(System.out, true)
                : new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    }

    /**
     * A usage error: picocli's message, then its suggestions (a misspelt option or command) or where to find the
     * options, never the whole usage; and never coloured: stderr
     * passes through {@link VisibleLineWriter}, which would show picocli's colour codes as text.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter w = cmd.getErr();
        Matcher unknown = UNKNOWN_OPTION.matcher(ex.getMessage());
        Matcher command = UNKNOWN_COMMAND.matcher(ex.getMessage());
        if (command.lookingAt()) {
            // "tlsready help nosuch": the commands there are, the closest first
            w.println(ex.getMessage());
            List<String> close = closest(command.group(1), cmd.getSubcommands().keySet(), "");
            w.println(close.isEmpty() ? "Commands: " + String.join(", ", cmd.getSubcommands().keySet())
                    : "Did you mean: " + String.join(", ", close) + "?");
        } else if (unknown.lookingAt()) {
            // after a list option ("--snapshot a.reg --fromat") picocli adds why it was no value of the list: the
            // news is the unknown option, and what it was probably meant to be
            w.println(unknown.group());
            List<String> close = closest(unknown.group(1), cmd.getCommandSpec().optionsMap().keySet(), "--");
            w.println(close.isEmpty() ? tryHelp(cmd) : "Possible solutions: " + String.join(", ", close));
        } else {
            w.println(ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, w)) {
                // one line that says where the options are, rather than all of them after the one that was wrong
                w.println(tryHelp(cmd));
            }
        }
        w.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String tryHelp(CommandLine cmd) {
        return "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.";
    }

    /** The long option names at the smallest edit distance (at most 2) from what was typed. */
    static List<String> closest(String typed, Collection<String> names) {
        return closest(typed, names, "--");
    }

    /** The names starting with {@code prefix} at the smallest edit distance (at most 2) from what was typed. */
    static List<String> closest(String typed, Collection<String> names, String prefix) {
        int best = 3;
        List<String> found = new ArrayList<>();
        for (String name : names) {
            int d = distance(typed, name);
            if (name.startsWith(prefix) && d <= best) {
                if (d < best) {
                    found.clear();
                    best = d;
                }
                found.add(name);
            }
        }
        return found;
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /** The width COLUMNS asks for, if it is a number (at least {@value #MIN_WIDTH}). */
    static java.util.OptionalInt usageWidth(String columns) {
        if (columns == null || !columns.strip().matches("[0-9]{1,4}")) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Math.max(MIN_WIDTH, Integer.parseInt(columns.strip())));
    }

    /** Runs one command line and returns its exit code (design.md: 0, 1, 2, 3). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Environment.system(), new WinRmModule());
    }

    /** The same, with the process environment and the module binding the WinRM port chosen by the caller (tests). */
    static int run(String[] args, PrintWriter out, PrintWriter rawErr, Environment env, Module remoteHosts) {
        PrintWriter err = new PrintWriter(new VisibleLineWriter(rawErr), true);
        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, new CliModule(out, err, env),
                new OfflineEvidenceModule(), new HiveEvidenceModule(), new SnapshotModule(), new LocalRegistryModule(),
                new JournalModule(), remoteHosts);
        GuiceFactory factory = new GuiceFactory(injector);
        CommandLine cli = new CommandLine(TlsReadyCommand.class, factory);
        // picocli reflects over every subcommand it is given, which a short audit pays for at start-up: register
        // only the one that runs, or all of them when none is named (help, usage errors) or "help" is.
        String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        SUBCOMMANDS.forEach((name, type) -> {
            if (!SUBCOMMANDS.containsKey(named) || named.equals("help") || name.equals(named)) {
                cli.addSubcommand(name, new CommandLine(type, factory));
            }
        });
        // Help fits the terminal, wrapped at word boundaries: COLUMNS when the shell exports it, else picocli asks
        // the terminal (only when help is printed), else 80.
        // only when help may be printed: an audit does not pay for the help renderers' classes at start-up
        if (named.equals("help") || !SUBCOMMANDS.containsKey(named)
                || Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"))) {
            HelpWrap.install(cli);
        }
        java.util.OptionalInt columns = usageWidth(env.variable("COLUMNS"));
        if (columns.isPresent()) {
            cli.setUsageHelpWidth(columns.getAsInt());
        } else {
            cli.setUsageHelpAutoWidth(true);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler(err));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // "--snapshot a.reg --fromat json": a misspelt option is an unknown option (with a suggestion), not one
        // more evidence file called "--fromat"
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        try {
            return cli.execute(args);
        } finally {
            err.flush();
        }
    }
}
