package io.tlsready.app.rest.serve;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;

/** The {@code --db} URL in messages: where it points, never its user, password or parameters. */
final class JdbcUrls {

    static final String POSTGRES = "jdbc:postgresql:";

    private JdbcUrls() {
    }

    /** Whether the URL is one the service supports (PostgreSQL). */
    static boolean supported(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(POSTGRES);
    }

    /** e.g. "PostgreSQL at db.example:5432/tlsready"; credentials and parameters are left out. */
    static String describe(String url) {
        String rest = url.substring(Math.min(POSTGRES.length(), url.length()));
        try {
            URI uri = URI.create(rest.startsWith("//") ? "postgresql:" + rest : "postgresql:///" + rest);
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            String port = uri.getPort() < 0 ? "5432" : Integer.toString(uri.getPort());
            String path = uri.getPath() == null ? "" : uri.getPath();
            return "PostgreSQL at " + host + ":" + port + path;
        } catch (IllegalArgumentException e) {
            return "PostgreSQL (--db)";
        }
    }

    /**
     * Why the store cannot be opened, in one line: the store's own message (which names the database and never a
     * password), unwrapped from Guice's, or {@code cannot open WHERE: ...} when it has none.
     */
    static String storeMessage(String where, RuntimeException e) {
        Throwable inner = e;
        while (guiceErrors(inner) != null) {
            Message first = guiceErrors(inner).iterator().next();
            if (first.getCause() == null) {
                return "cannot open " + where + ": " + first.getMessage().strip().lines().findFirst().orElse("?");
            }
            inner = first.getCause();
        }
        String message = inner.getMessage();
        return message == null || message.isBlank() ? "cannot open " + where + ": " + oneLine(inner)
                : message.strip().lines().findFirst().orElse(message);
    }

    private static Collection<Message> guiceErrors(Throwable e) {
        Collection<Message> errors = e instanceof CreationException c ? c.getErrorMessages()
                : e instanceof ProvisionException p ? p.getErrorMessages() : null;
        return errors == null || errors.isEmpty() ? null : errors;
    }

    /** The first line of the innermost message: what the driver or the store said went wrong. */
    static String oneLine(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String message = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
