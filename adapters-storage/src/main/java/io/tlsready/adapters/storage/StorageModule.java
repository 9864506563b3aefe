package io.tlsready.adapters.storage;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ScanQueue;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The storage adapter's public door: binds {@link ReportHistory}, {@link ScanQueue}, {@link AccessTokens} and
 * {@link ActivityLog} to one database. Making the module does no I/O; the first port the injector provides opens the
 * database and migrates its schema (at injector creation in {@code Stage.PRODUCTION}), and a failure there is one
 * line naming the database and what is wrong, never a password. {@link #close()} closes the connection pool: call it
 * when the app stops.
 */
public final class StorageModule extends AbstractModule implements AutoCloseable {

    private final String description;
    private final Supplier<Database> opener;
    private Database database;
    private boolean closed;

    private StorageModule(String description, Supplier<Database> opener) {
        this.description = description;
        this.opener = opener;
    }

    /** SQLite in {@code dataDir/tlsready.db} (the directory and the file are made when missing). */
    public static StorageModule sqlite(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return new StorageModule("SQLite database " + dataDir.resolve("tlsready.db"), () -> Database.sqlite(dataDir));
    }

    /**
     * PostgreSQL at {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?user=…&password=…]}; without them in the URL the
     * user and password come from PGUSER and PGPASSWORD.
     *
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL
     */
    public static StorageModule postgres(String jdbcUrl) {
        PostgresUrl url = PostgresUrl.parse(jdbcUrl, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
        return new StorageModule(url.where(), () -> Database.postgres(url));
    }

    @Override
    protected void configure() {
        // the four ports come from the @Provides methods below, over one database
    }

    private synchronized Database database() {
        if (closed) {
            throw new IllegalStateException("the " + description + " is closed");
        }
        if (database == null) {
            database = opener.get();
        }
        return database;
    }

    @Provides
    @Singleton
    ReportHistory reportHistory() {
        return new JdbcReportHistory(database());
    }

    @Provides
    @Singleton
    ScanQueue scanQueue() {
        return new JdbcScanQueue(database());
    }

    @Provides
    @Singleton
    AccessTokens accessTokens() {
        return new JdbcAccessTokens(database());
    }

    @Provides
    @Singleton
    ActivityLog activityLog() {
        return new JdbcActivityLog(database());
    }

    /** Closes the connection pool (once; later calls do nothing). The ports fail after this. */
    @Override
    public synchronized void close() {
        closed = true;
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @Override
    public String toString() {
        return "StorageModule(" + description + ")";
    }
}
