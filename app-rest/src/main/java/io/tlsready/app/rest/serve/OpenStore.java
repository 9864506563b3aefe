package io.tlsready.app.rest.serve;

import com.google.inject.Injector;
import com.google.inject.Module;
import io.tlsready.app.rest.StrictGuice;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ScanQueue;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The store of one {@code serve} process, opened once: the four ports, handed to the server as instances (so the
 * server and the token commands share one store and one connection pool), and closed when the process stops.
 */
final class OpenStore implements AutoCloseable {

    private final ReportHistory history;
    private final ScanQueue scans;
    private final AccessTokens tokens;
    private final ActivityLog activity;
    private final Module module;

    private OpenStore(Module module, Injector injector) {
        this.module = module;
        this.history = injector.getInstance(ReportHistory.class);
        this.scans = injector.getInstance(ScanQueue.class);
        this.tokens = injector.getInstance(AccessTokens.class);
        this.activity = injector.getInstance(ActivityLog.class);
    }

    /**
     * Opens the store and reads from it once, so that an unreachable database fails here, in one line.
     *
     * @throws ServeFailure exit 3 when the store cannot be opened or reached
     */
    static OpenStore open(Storage storage, DataDir data, Optional<String> jdbcUrl) {
        String where = jdbcUrl.map(JdbcUrls::describe).orElse("the SQLite database in " + data.path());
        Module module = storage.module(data.path(), jdbcUrl);
        try {
            OpenStore store = new OpenStore(module, StrictGuice.createInjector(module));
            store.tokens.all();
            return store;
        } catch (RuntimeException e) {
            closeQuietly(module);
            throw new ServeFailure(ServeFailure.UNAVAILABLE, JdbcUrls.storeMessage(where, e), e);
        }
    }

    AccessTokens tokens() {
        return tokens;
    }

    ActivityLog activity() {
        return activity;
    }

    /** The ports as instances, for the server's injector. */
    Module ports() {
        return binder -> {
            binder.bind(ReportHistory.class).toInstance(history);
            binder.bind(ScanQueue.class).toInstance(scans);
            binder.bind(AccessTokens.class).toInstance(tokens);
            binder.bind(ActivityLog.class).toInstance(activity);
        };
    }

    /** Closes the store's module when it holds something (the real one: its connection pool); once is enough. */
    @Override
    public void close() {
        closeQuietly(module);
    }

    private static void closeQuietly(Module module) {
        if (module instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(OpenStore.class).warn("closing the store: {}", JdbcUrls.oneLine(e));
            }
        }
    }
}
