package io.tlsready.app.cli;

import io.tlsready.domain.port.EvidenceException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and exit code 2. Stack traces only with {@code --debug}: an admin
 * running tlsready in a loop needs the file and the problem, not Java internals.
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
        if (ex instanceof EvidenceException || ex instanceof UsageException) {
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

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }
}
