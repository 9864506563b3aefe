package io.tlsready.app.rest.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code serve} command line, checked: every refusal has happened by the time one exists.
 *
 * @param db          a PostgreSQL JDBC URL, or empty for SQLite in {@code data}
 * @param credentials the credential profiles file (mode 600), or empty: scans then have no profiles
 * @param tls         the PEM certificate chain and private key to serve HTTPS with, or empty for plain HTTP
 */
record ServeSettings(Listen listen, Path data, Optional<String> db, Optional<Path> credentials, Optional<Tls> tls,
        boolean insecureHttp, List<String> allowedHosts, long maxRequestBytes) {

    /** 32 MiB: evidence for one host is a few MiB at most; room for whole-hive .reg exports. */
    static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    ServeSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tls, "tls");
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** A certificate chain and its private key, both PEM files. */
    record Tls(Path cert, Path key) {
    }
}
