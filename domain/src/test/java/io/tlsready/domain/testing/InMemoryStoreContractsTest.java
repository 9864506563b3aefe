package io.tlsready.domain.testing;

import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.AccessTokensContract;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ActivityLogContract;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ReportHistoryContract;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.port.ScanQueueContract;
import org.junit.jupiter.api.Nested;

/** The storage contracts against the in-memory reference store (reopening it gives the same store). */
class InMemoryStoreContractsTest {

    @Nested
    class History extends ReportHistoryContract {
        private final InMemoryStore store = new InMemoryStore();

        @Override
        protected ReportHistory history() {
            return store;
        }

        @Override
        protected ReportHistory reopened() {
            return store;
        }
    }

    @Nested
    class Scans extends ScanQueueContract {
        private final InMemoryStore store = new InMemoryStore();

        @Override
        protected ScanQueue queue() {
            return store;
        }

        @Override
        protected ReportHistory history() {
            return store;
        }

        @Override
        protected ScanQueue reopened() {
            return store;
        }
    }

    @Nested
    class Tokens extends AccessTokensContract {
        private final InMemoryStore store = new InMemoryStore();

        @Override
        protected AccessTokens tokens() {
            return store;
        }

        @Override
        protected AccessTokens reopened() {
            return store;
        }
    }

    @Nested
    class Activities extends ActivityLogContract {
        private final InMemoryStore store = new InMemoryStore();

        @Override
        protected ActivityLog log() {
            return store;
        }

        @Override
        protected ActivityLog reopened() {
            return store;
        }
    }
}
