package io.tlsready.app.cli.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The command that continues an interrupted fleet run: the program and the original arguments, with
 * {@code --resume} added unless it is there, each quoted for a POSIX shell so that it can be pasted as printed.
 * Passwords never reach it: they are refused on the command line before a run starts, and a command that somehow
 * holds one is not shown at all.
 */
public final class ResumeCommand {

    /** The system property the launcher sets to how it was invoked ({@code $0}), e.g. {@code ./tlsready}. */
    public static final String LAUNCHER_PROPERTY = "tlsready.launcher";
    /** The program word when the launcher did not say ({@code java -cp … Main}): the installed command's name. */
    static final String DEFAULT_PROGRAM = "tlsready";

    /** Words that a POSIX shell reads as themselves. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ResumeCommand() {
    }

    /** The program word: the launcher's {@code $0}, else {@value #DEFAULT_PROGRAM}. */
    public static String program() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        return launcher == null || launcher.isBlank() ? DEFAULT_PROGRAM : launcher;
    }

    /**
     * The resume command line, or empty when the arguments carry a password (refused options are never echoed).
     */
    public static Optional<String> of(String program, List<String> args) {
        List<String> words = new ArrayList<>();
        words.add(program);
        boolean resume = false;
        for (String a : args) {
            if (a.equals("--password") || a.startsWith("--password=")) {
                return Optional.empty();
            }
            resume |= a.equals("--resume");
            words.add(a);
        }
        if (!resume) {
            words.add("--resume");
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(sb.length() == 0 ? "" : " ").append(quote(w));
        }
        return Optional.of(sb.toString());
    }

    /** One word for a POSIX shell: as is when plain, else in single quotes (a quote inside becomes '\''). */
    public static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
