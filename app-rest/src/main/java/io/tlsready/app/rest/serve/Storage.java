package io.tlsready.app.rest.serve;

import com.google.inject.Module;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the service keeps its data: a Guice module binding the four storage ports (ReportHistory, ScanQueue,
 * AccessTokens, ActivityLog) for a data directory, or for a PostgreSQL URL when {@code --db} is given. Building the
 * module does no I/O; {@link OpenStore} makes the first call and so finds an unreachable database.
 */
@FunctionalInterface
interface Storage {

    Module module(Path data, Optional<String> jdbcUrl);

    /** The real store: SQLite in the data directory, or PostgreSQL (adapters-storage). */
    static Storage real() {
        return (data, jdbcUrl) -> {
            throw new ServeFailure(ServeFailure.UNAVAILABLE,
                    "this build has no storage adapter yet (adapters-storage): cannot open " + data);
        };
    }
}
