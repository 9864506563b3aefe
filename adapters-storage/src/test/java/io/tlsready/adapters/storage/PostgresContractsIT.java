package io.tlsready.adapters.storage;

import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.AccessTokensContract;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ActivityLogContract;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ReportHistoryContract;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.port.ScanQueueContract;
import io.tlsready.testing.PostgresCluster;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The storage contracts on a real PostgreSQL (a throwaway cluster): a fresh database per test, reopened for restarts. */
class PostgresContractsIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster cluster;

    private Stores stores;

    @BeforeAll
    static void start() {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Stores stores() {
        if (stores == null) {
            String db = "contract" + DATABASES.incrementAndGet();
            cluster.createDatabase(db);
            stores = new Stores(() -> StorageModule.postgres(cluster.jdbcUrl(db)));
        }
        return stores;
    }

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    @Nested
    class History extends ReportHistoryContract {
        @Override
        protected ReportHistory history() {
            return stores().get(ReportHistory.class);
        }

        @Override
        protected ReportHistory reopened() {
            return stores().reopen(ReportHistory.class);
        }
    }

    @Nested
    class Scans extends ScanQueueContract {
        @Override
        protected ScanQueue queue() {
            return stores().get(ScanQueue.class);
        }

        @Override
        protected ReportHistory history() {
            return stores().get(ReportHistory.class);
        }

        @Override
        protected ScanQueue reopened() {
            return stores().reopen(ScanQueue.class);
        }
    }

    @Nested
    class Tokens extends AccessTokensContract {
        @Override
        protected AccessTokens tokens() {
            return stores().get(AccessTokens.class);
        }

        @Override
        protected AccessTokens reopened() {
            return stores().reopen(AccessTokens.class);
        }
    }

    @Nested
    class Activities extends ActivityLogContract {
        @Override
        protected ActivityLog log() {
            return stores().get(ActivityLog.class);
        }

        @Override
        protected ActivityLog reopened() {
            return stores().reopen(ActivityLog.class);
        }
    }
}
