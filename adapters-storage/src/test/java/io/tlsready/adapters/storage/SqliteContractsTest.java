package io.tlsready.adapters.storage;

import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.AccessTokensContract;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ActivityLogContract;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ReportHistoryContract;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.port.ScanQueueContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The storage contracts on SQLite: a fresh database file per test, reopened from the file for restarts. */
class SqliteContractsTest {

    @TempDir
    Path dir;

    private Stores stores;

    private Stores stores() {
        if (stores == null) {
            stores = new Stores(() -> StorageModule.sqlite(dir.resolve("data")));
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
