package io.tlsready.app.rest.serve;

import java.net.URI;
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
