package io.tlsready.app.rest;

import com.google.inject.AbstractModule;
import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.access.TokenSecret;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.testing.InMemoryStore;
import java.time.Instant;
import java.util.Optional;

/**
 * The four storage ports answered by one {@link InMemoryStore} (a testing module, in place of the storage
 * adapter's), and a way to issue tokens into it. Public: the rooms' tests in sub-packages use it too.
 */
public final class TestingStorage extends AbstractModule {

    private final InMemoryStore store;

    public TestingStorage() {
        this(new InMemoryStore());
    }

    public TestingStorage(InMemoryStore store) {
        this.store = store;
    }

    @Override
    protected void configure() {
        bind(AccessTokens.class).toInstance(store);
        bind(ActivityLog.class).toInstance(store);
        bind(ReportHistory.class).toInstance(store);
        bind(ScanQueue.class).toInstance(store);
    }

    public InMemoryStore store() {
        return store;
    }

    /** A new active token with this name and role; returns its secret (what a client sends). */
    public String issue(String name, Role role) {
        return issue(store, name, role);
    }

    /** A new active token with this name and role in {@code tokens} (any store); returns its secret. */
    public static String issue(AccessTokens tokens, String name, Role role) {
        String secret = TokenSecret.generate();
        tokens.add(new AccessToken(TokenSecret.newId(), name, role, TokenSecret.hash(secret), Instant.now(),
                Optional.empty()));
        return secret;
    }
}
