package io.tlsready.app.cli;

import io.tlsready.domain.output.UnwritableTextException;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.EvidenceException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and exit code 2. Stack traces only with {@code --debug}: an admin
 * running tlsready in a loop needs the file and the problem, not Java internals. Messages name files, hosts,
 * keys and values taken from evidence, so they are shown {@link Visible}: a CR/LF in a file name cannot start a
 * second line, an escape sequence cannot act on the terminal.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private final PrintWriter err;

    ErrorHandler(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean debug = parseResult.hasMatchedOption("--debug")
                || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug"));
        if (ex instanceof EvidenceException e) {
            // Adapter and domain errors name what to do as hints; here they become the CLI's flags.
            err.println("tlsready: " + oneLine(e.message(CliHints.WORDS)));
        } else if (ex instanceof UsageException || ex instanceof UnwritableTextException) {
            err.println("tlsready: " + oneLine(ex.getMessage()));
        } else if (ex instanceof java.io.IOException) {
            err.println("tlsready: " + oneLine(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        } else {
            err.println("tlsready: internal error: " + oneLine(String.valueOf(ex))
                    + (debug ? "" : " (run again with --debug for details)"));
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    /** The message on one line, every control and steering character in it shown as an escape. */
    static String oneLine(String s) {
        return Visible.of(s);
    }
}
