package io.tlsready.app.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.Locale;

/**
 * What the CLI reads from the process around it: environment variables, the console. An interface so tests
 * can give a password in the "environment" without touching the real one.
 */
interface Environment {

    /** The variable's value, or null. */
    String variable(String name);

    /** Reads a password without echo, or returns null when there is no console to ask on. */
    char[] readPassword(String prompt);

    /** True when a person is watching stderr (a progress bar makes sense). */
    boolean interactive();

    /** Standard input, for {@code -} where a file is read. */
    default InputStream stdin() {
        return System.in;
    }

    static Environment system() {
        return new Environment() {
            @Override
            public String variable(String name) {
                return System.getenv(name);
            }

            @Override
            public char[] readPassword(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readPassword("%s", prompt);
            }

            @Override
            public boolean interactive() {
                String term = System.getenv("TERM");
                return Consoles.attached() && (term == null || !term.toLowerCase(Locale.ROOT).equals("dumb"));
            }
        };
    }
}
