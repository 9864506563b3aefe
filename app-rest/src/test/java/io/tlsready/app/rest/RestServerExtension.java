package io.tlsready.app.rest;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import io.javalin.Javalin;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.app.rest.guard.GuardModule;
import io.tlsready.app.rest.guard.GuardSettings;
import io.tlsready.app.rest.history.HistoryModule;
import io.tlsready.app.rest.scans.ScansModule;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.testing.InMemoryStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one way app-rest tests reach a running API: a server on a free loopback port, started once per test class
 * and stopped after it, and a {@link RestClient} for it injected into each test method that asks for one. The
 * server's storage is a {@link TestingStorage}; the injected client carries an operator token issued there
 * ({@link #token} issues others, {@link RestClient#withToken} uses them).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RestServerExtension API = RestServerExtension.onLoopback().maxRequestBytes(64 * 1024);
 *
 * @Test
 * void healthz_says_ok(RestClient client) { ... }
 * }</pre>
 *
 * The server is the production one ({@link TlsReadyServer}), unless a test adds route groups or stands in for the
 * evidence port: then it is the same production wiring with those groups bound beside the real ones (as a feature
 * would add its routes), or with a testing module binding the stand-in where the offline adapter's module was, or
 * with an in-memory store bound to the storage ports and the rooms that need them installed.
 */
final class RestServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private long maxRequestBytes = ServerSettings.DEFAULT_MAX_REQUEST_BYTES;
    private final List<RouteGroup> extraRoutes = new ArrayList<>();
    private Module evidence = new OfflineEvidenceModule();
    private boolean customWiring;
    private Module storageModule;
    private AccessTokens tokens;
    private String operatorToken;
    private Running running;

    private RestServerExtension() {
    }

    static RestServerExtension onLoopback() {
        return new RestServerExtension();
    }

    RestServerExtension maxRequestBytes(long limit) {
        this.maxRequestBytes = limit;
        return this;
    }

    /** One more route group served beside the production ones. */
    RestServerExtension withRoutes(RouteGroup routes) {
        extraRoutes.add(routes);
        customWiring = true;
        return this;
    }

    /** The evidence port answered by {@code standIn} instead of the offline adapter (a testing module, no override). */
    RestServerExtension withOfflineEvidence(OfflineEvidence standIn) {
        this.evidence = binder -> binder.bind(OfflineEvidence.class).toInstance(standIn);
        customWiring = true;
        return this;
    }

    /** The storage ports answered by {@code store} (a testing module, as a storage module would bind them). */
    RestServerExtension withStore(InMemoryStore store) {
        return withStorage(new TestingStorage(store));
    }

    /**
     * The storage ports bound by {@code storage} (e.g. the SQLite StorageModule, closed after the class's tests when
     * it is closeable) instead of a fresh in-memory store.
     */
    RestServerExtension withStorage(Module storage) {
        this.storageModule = storage;
        return this;
    }

    /** A client for the running server with an operator token (also injectable as a test method parameter). */
    RestClient client() {
        if (running == null) {
            throw new IllegalStateException("the server starts before the test class's first test");
        }
        return new RestClient(running.uri()).withToken(operatorToken);
    }

    /** A new token of this role in the server's store; returns the secret. */
    String token(String name, Role role) {
        return TestingStorage.issue(tokens, name, role);
    }

    /** The server's storage (to look at the activity log, say): the in-memory one unless a test chose another. */
    TestingStorage storage() {
        if (!(storageModule instanceof TestingStorage testing)) {
            throw new IllegalStateException("this server's storage is " + storageModule + ", not a TestingStorage");
        }
        return testing;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (storageModule == null) {
            storageModule = new TestingStorage();
        }
        running = customWiring ? customWiring() : production();
        operatorToken = token("test-operator", Role.OPERATOR);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            running.stop().run();
            running = null;
        }
        if (storageModule instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + storageModule, e);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RestClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return client();
    }

    private Running production() {
        TlsReadyServer server = TlsReadyServer.builder().port(0).maxRequestBytes(maxRequestBytes)
                .storage(storageModule).build();
        tokens = server.instance(AccessTokens.class);
        return new Running(server.start(), server::close);
    }

    private Running customWiring() {
        ServerSettings settings = new ServerSettings(new ListenAddress("127.0.0.1", 0), maxRequestBytes);
        Module routes = binder -> extraRoutes.forEach(
                r -> Multibinder.newSetBinder(binder, RouteGroup.class).addBinding().toInstance(r));
        var injector = StrictGuice.createInjector(new AuditModule(), evidence, new RestModule(settings),
                new GuardModule(GuardSettings.defaults("127.0.0.1")), storageModule,
                new ScansModule(io.tlsready.app.rest.scans.CredentialProfiles.none(), ScansModule.DEFAULT_LEASE), new HistoryModule(), routes);
        tokens = injector.getInstance(AccessTokens.class);
        Javalin javalin = injector.getInstance(Javalin.class).start();
        return new Running(URI.create("http://127.0.0.1:" + javalin.port() + "/"), javalin::stop);
    }

    private record Running(URI uri, Runnable stop) {
    }
}
