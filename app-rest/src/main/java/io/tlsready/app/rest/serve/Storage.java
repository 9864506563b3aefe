package io.tlsready.app.rest.serve;

import com.google.inject.Module;
import io.tlsready.adapters.storage.StorageModule;
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

    /**
     * The real store (adapters-storage): SQLite in the data directory, or PostgreSQL. Its module is closeable, and
     * {@link OpenStore#close()} closes it (the connection pool).
     *
     * @throws ServeFailure exit 2 when the URL is not one the adapter can use
     */
    static Storage real() {
        return (data, jdbcUrl) -> {
            try {
                return jdbcUrl.map(StorageModule::postgres).orElseGet(() -> StorageModule.sqlite(data));
            } catch (IllegalArgumentException e) {
                throw ServeFailure.badInput("--db: " + e.getMessage());
            }
        };
    }
}
