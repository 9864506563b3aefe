package io.tlsready.adapters.storage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code jdbc:postgresql://host[:port]/database[?params]} URL split into where it points (for messages), the URL
 * without user and password (for the pool, whose logs may show it) and the credentials (from the URL, else PGUSER and
 * PGPASSWORD, else the login name).
 */
record PostgresUrl(String where, String withoutCredentials, String user, Optional<String> password) {

    private static final String PREFIX = "jdbc:postgresql://";

    @Override
    public String toString() {
        return where; // never the password
    }

    static PostgresUrl parse(String url, String envUser, String envPassword) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String hostPart = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        int slash = hostPart.indexOf('/');
        String hosts = slash < 0 ? hostPart : hostPart.substring(0, slash);
        String database = slash < 0 ? "" : hostPart.substring(slash + 1);
        if (hosts.contains("@")) {
            throw new IllegalArgumentException("put the PostgreSQL user and password in ?user=&password= or PGUSER "
                    + "and PGPASSWORD, not before the host");
        }
        String address = hosts.isEmpty() ? "localhost:5432"
                : hosts.contains(":") && !hosts.endsWith("]") ? hosts : hosts + ":5432";
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        for (String param : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.equals("user")) {
                user = value;
            } else if (key.equals("password")) {
                password = value;
            } else {
                kept.add(param);
            }
        }
        if (user == null) {
            user = envUser != null && !envUser.isEmpty() ? envUser : System.getProperty("user.name");
        }
        if (password == null && envPassword != null && !envPassword.isEmpty()) {
            password = envPassword;
        }
        String clean = PREFIX + hostPart + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new PostgresUrl("PostgreSQL at " + address + "/" + database, clean, user,
                Optional.ofNullable(password));
    }
}
