package io.tlsready.app.rest.serve;

import io.tlsready.app.rest.ToolVersion;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/**
 * Entry point of {@code tlsready serve} (the launcher runs it when the first argument is {@code serve}). The only
 * class of app-rest that touches the standard streams or calls System.exit. The log (SLF4J, slf4j-simple) goes to
 * stderr, one line per event with an ISO-8601 time; stdout carries only what a command prints for scripts (a new
 * token's secret, the token list).
 */
public final class ServeMain {

    private static final Map<String, String> LOG_DEFAULTS = Map.of(
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.showShortLogName", "true",
            // Jetty's start and stop chatter; its warnings and errors still show
            "org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn",
            "org.slf4j.simpleLogger.log.io.javalin", "warn",
            // the connection pool's start and stop; schema migrations (Flyway) still say what they do
            "org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");

    private ServeMain() {
    }

    /**
     * Runs {@code serve}. The launchers pass their whole command line, so a leading {@code serve} (the launcher's
     * dispatch word) is dropped.
     */
    public static void main(String[] args) {
        String[] own = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        LOG_DEFAULTS.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(own, out, err, Storage.real(), Serving.StopSignal.jvmShutdown(), Clock.systemUTC()));
    }

    /** Runs one {@code serve} command line and returns its exit code: 0, 2 (bad input) or 3 (unavailable). */
    static int run(String[] args, PrintWriter out, PrintWriter err, Storage storage, Serving.StopSignal stop,
            Clock clock) {
        ServeCommand serve = new ServeCommand(new Serving(storage, stop, clock, err));
        CommandLine cli = new CommandLine(serve);
        cli.addSubcommand("token", new TokenCommands(serve, storage, clock, out, err).commandLine());
        cli.setCommandName("tlsready serve");
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ServeFailure failure) {
                err.println("tlsready serve: " + failure.getMessage());
                return failure.exitCode();
            }
            LoggerFactory.getLogger(ServeMain.class).error("tlsready serve failed (a bug)", ex);
            return 1;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code --version}: the version the build stamped into the jar. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"tlsready " + ToolVersion.read()};
        }
    }
}
