package io.tlsready.app.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether a person's terminal is attached. {@code System.console()} alone is not the answer on every JDK the
 * launcher may pick: from JDK 22 it can return a console whose streams are redirected, and {@code
 * Console.isTerminal()} (JDK 22+) says which; on 17 a non-null console is a terminal.
 */
final class Consoles {

    private Consoles() {
    }

    /** True when stdin and stdout are a terminal. */
    static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
