package io.tlsready.adapters.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * One store's connections: a HikariCP pool over SQLite or PostgreSQL, the schema migrated by Flyway when it opens,
 * and transactions. SQLite is one writer at a time (a lock here, {@code BEGIN IMMEDIATE}, WAL so readers never wait,
 * a busy timeout for other processes such as a backup); PostgreSQL transactions run concurrently and are retried on
 * serialisation failures and deadlocks.
 */
final class Database implements AutoCloseable {

    /** Work inside one transaction (or one autocommit read). */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    enum Dialect { SQLITE, POSTGRESQL }

    private final Dialect dialect;
    private final String where;
    private final HikariDataSource pool;
    private final ReentrantLock writes = new ReentrantLock(true);

    private Database(Dialect dialect, String where, HikariDataSource pool) {
        this.dialect = dialect;
        this.where = where;
        this.pool = pool;
    }

    /** Opens (creating the directory and file when new) and migrates {@code DIR/tlsready.db}. */
    static Database sqlite(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("tlsready.db");
        String where = "SQLite database " + file;
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("tlsready-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        config.setMaximumPoolSize(4);
        return open(Dialect.SQLITE, where, config);
    }

    /** Opens and migrates a PostgreSQL database; user and password from the URL, else PGUSER and PGPASSWORD. */
    static Database postgres(PostgresUrl url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tlsready-postgresql");
        config.setJdbcUrl(url.withoutCredentials());
        config.setUsername(url.user());
        url.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(10_000);
        return open(Dialect.POSTGRESQL, url.where(), config);
    }

    private static Database open(Dialect dialect, String where, HikariConfig config) {
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(unreachable(dialect, where, e), null);
        }
        try {
            Flyway.configure().dataSource(pool)
                    .locations("classpath:db/migration/" + dialect.name().toLowerCase(Locale.ROOT))
                    .javaMigrations(new ClassifyFailureCauses())
                    .loggers("slf4j")
                    .load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot bring the schema of the " + where + " up to date: "
                    + firstLine(e.getMessage()), null);
        }
        return new Database(dialect, where, pool);
    }

    Dialect dialect() {
        return dialect;
    }

    /** A write transaction: committed when {@code work} returns, rolled back when it throws. */
    <T> T write(String what, Work<T> work) {
        if (dialect == Dialect.SQLITE) {
            writes.lock();
            try {
                return transaction(what, work);
            } finally {
                writes.unlock();
            }
        }
        for (int attempt = 1;; attempt++) {
            try {
                return transaction(what, work);
            } catch (Retry r) {
                if (attempt >= 5) {
                    throw new IllegalStateException(what + " in the " + where + ": " + r.getMessage(), null);
                }
            }
        }
    }

    /** A read in autocommit mode (SQLite in WAL mode and PostgreSQL both read a consistent snapshot per query). */
    <T> T read(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private <T> T transaction(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            String state = Optional.ofNullable(e.getSQLState()).orElse("");
            if (state.equals("40001") || state.equals("40P01")) {
                throw new Retry(e.getMessage());
            }
            throw failure(what, e);
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " in the " + where + " failed: " + firstLine(e.getMessage()), null);
    }

    /** True when {@code e} says a unique constraint was violated. */
    static boolean duplicate(SQLException e) {
        return "23505".equals(e.getSQLState()) || (e.getMessage() != null && e.getMessage().contains("UNIQUE"));
    }

    @Override
    public void close() {
        pool.close();
    }

    private static final class Retry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Retry(String message) {
            super(message, null, false, false);
        }
    }

    /** "cannot reach PostgreSQL at host:port/db: connection refused": one line, never the password. */
    private static String unreachable(Dialect dialect, String where, Throwable e) {
        String why = "cannot open it";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                why = "connection refused";
                break;
            }
            if (t instanceof UnknownHostException) {
                why = "unknown host";
                break;
            }
            if (t instanceof NoRouteToHostException) {
                why = "no route to host";
                break;
            }
            if (t instanceof SocketTimeoutException) {
                why = "no answer (timed out)";
                break;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                why = switch (s.getSQLState()) {
                    case "28P01", "28000" -> "authentication failed (check the user and PGPASSWORD)";
                    case "3D000" -> "the database does not exist";
                    case "08001", "08004", "08006" -> "connection refused";
                    default -> "cannot open it (SQLSTATE " + s.getSQLState() + ")";
                };
                break;
            }
        }
        return dialect == Dialect.POSTGRESQL ? "cannot reach " + where + ": " + why
                : "cannot open the " + where + ": " + why;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
