package io.tlsready.app.rest;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import io.javalin.Javalin;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.app.rest.guard.GuardModule;
import io.tlsready.app.rest.guard.GuardSettings;
import io.tlsready.app.rest.guard.ServerTls;
import io.tlsready.app.rest.history.HistoryModule;
import io.tlsready.app.rest.pages.PagesModule;
import io.tlsready.app.rest.scans.CredentialProfiles;
import io.tlsready.app.rest.scans.ScansModule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tlsready REST API as an embeddable server.
 *
 * <pre>{@code
 * try (TlsReadyServer server = TlsReadyServer.builder().port(0).storage(storageModule).build()) {
 *     URI api = server.start();          // e.g. http://127.0.0.1:54321/
 *     ...
 * }                                      // stopped, port released
 * }</pre>
 *
 * {@link Builder#build()} wires everything (and fails there on a wiring error) but opens nothing; Jetty is
 * loaded and a port bound only by {@link #start()}. A stopped server can be started again.
 */
public final class TlsReadyServer implements AutoCloseable {

    private final ServerSettings settings;
    private final boolean tls;
    private final Provider<Javalin> servers;
    private final List<Background> backgrounds;
    private final Injector injector;
    private Javalin running;

    private TlsReadyServer(ServerSettings settings, GuardSettings guard, Module... rooms) {
        this.settings = settings;
        this.tls = guard.tls().isPresent();
        this.injector = createInjector(settings, guard, rooms);
        this.servers = injector.getProvider(Javalin.class);
        this.backgrounds = List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<Background>>() { })));
    }

    /**
     * The composition root, also used by tests to check the wiring. {@code rooms} are the storage module (binding
     * AccessTokens, ActivityLog, ReportHistory, ScanQueue) and the features built on it.
     */
    /** One of the wired instances (tests reach the bound store this way, e.g. to issue a token). */
    <T> T instance(Class<T> type) {
        return injector.getInstance(type);
    }

    static Injector createInjector(ServerSettings settings, GuardSettings guard, Module... rooms) {
        List<Module> modules = new ArrayList<>(List.of(new AuditModule(), new OfflineEvidenceModule(),
                new RestModule(settings), new GuardModule(guard)));
        modules.addAll(List.of(rooms));
        return StrictGuice.createInjector(modules.toArray(Module[]::new));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving.
     *
     * @return the base URI actually bound (the real port when 0 was asked for)
     * @throws IllegalStateException if already started
     */
    public synchronized URI start() {
        if (running != null) {
            throw new IllegalStateException("already started at " + uri());
        }
        Javalin server = servers.get();
        try {
            server.start();
        } catch (RuntimeException e) {
            server.stop(); // a failed bind can leave Jetty half-started; release its threads
            throw e;
        }
        running = server;
        backgrounds.forEach(Background::start);
        return uri();
    }

    /** The bound port. @throws IllegalStateException if not started */
    public synchronized int port() {
        if (running == null) {
            throw new IllegalStateException("not started");
        }
        return running.port();
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8080/}. @throws IllegalStateException if not started */
    public synchronized URI uri() {
        return settings.listen().uri(port(), tls);
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** Stops serving and releases the port; does nothing when not started. */
    public synchronized void stop() {
        if (running != null) {
            try {
                backgrounds.forEach(Background::stop);
            } finally {
                stopJavalin();
            }
        }
    }

    private void stopJavalin() {
        if (running != null) {
            try {
                running.stop();
            } finally {
                running = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Settings for a server; defaults: 127.0.0.1, any free port, 32 MiB per request, plain HTTP, the loopback
     * names as the only {@code Host}s, the guard's default limits. Storage is required.
     */
    public static final class Builder {

        private String host = ListenAddress.LOOPBACK;
        private int port;
        private long maxRequestBytes = ServerSettings.DEFAULT_MAX_REQUEST_BYTES;
        private boolean insecureHttp;
        private Path tlsCertificate;
        private Path tlsKey;
        private final List<String> allowedHosts = new ArrayList<>();
        private int maxConcurrentRequests = GuardSettings.DEFAULT_MAX_CONCURRENT_REQUESTS;
        private Integer maxConcurrentUploads;
        private int maxQueuedRequests = GuardSettings.DEFAULT_MAX_QUEUED_REQUESTS;
        private Duration maxWait = GuardSettings.DEFAULT_MAX_WAIT;
        private Duration idleTimeout = GuardSettings.DEFAULT_IDLE_TIMEOUT;
        private long minRequestBytesPerSecond = GuardSettings.DEFAULT_MIN_REQUEST_BYTES_PER_SECOND;
        private Module storage;
        private CredentialProfiles credentials = CredentialProfiles.none();
        private Duration scanLease = ScansModule.DEFAULT_LEASE;

        private Builder() {
        }

        /** The credential profiles scans may name (from {@link CredentialProfiles#load}); none by default. */
        public Builder credentials(CredentialProfiles credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** How long this instance holds a scan's host before others may take it (default 2 minutes). */
        public Builder scanLease(Duration lease) {
            this.scanLease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 picks a free port; {@link TlsReadyServer#start()} returns it. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The largest request body accepted, all files of a multipart upload together; larger gets 413. */
        public Builder maxRequestBytes(long maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /**
         * Serves HTTPS (TLS 1.2 and 1.3) with this PEM certificate chain (leaf first) and PEM private key
         * (PKCS#8, PKCS#1 or EC, unencrypted); both are read and checked to match in {@link #build()}.
         */
        public Builder tls(Path certificateFile, Path keyFile) {
            this.tlsCertificate = Objects.requireNonNull(certificateFile, "certificateFile");
            this.tlsKey = Objects.requireNonNull(keyFile, "keyFile");
            return this;
        }

        /**
         * Allows a non-loopback host (e.g. 0.0.0.0) without TLS: only for a server behind a proxy that
         * terminates TLS. Without it, such a host needs {@link #tls}.
         */
        public Builder insecureHttp(boolean insecureHttp) {
            this.insecureHttp = insecureHttp;
            return this;
        }

        /**
         * Names the {@code Host} header may carry besides the loopback names and the listen address (DNS
         * rebinding guard): {@code name} with any port, or {@code name:port}. Others get 421.
         */
        public Builder allowedHosts(String... hosts) {
            allowedHosts.addAll(List.of(hosts));
            return this;
        }

        /** Requests handled at once (not counting /healthz); others wait up to {@code maxWait}, then 503. */
        public Builder maxConcurrentRequests(int requests) {
            this.maxConcurrentRequests = requests;
            return this;
        }

        /** Evidence uploads handled at once (each holds its files in memory while audited); default 1 per core. */
        public Builder maxConcurrentUploads(int uploads) {
            this.maxConcurrentUploads = uploads;
            return this;
        }

        /** How many requests may wait for a slot, and for how long, before they get 503 with Retry-After. */
        public Builder queue(int maxQueuedRequests, Duration maxWait) {
            this.maxQueuedRequests = maxQueuedRequests;
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        /** Idle connections are closed after {@code idle}; request bodies slower than the rate are dropped (408). */
        public Builder timeouts(Duration idle, long minRequestBytesPerSecond) {
            this.idleTimeout = Objects.requireNonNull(idle, "idle");
            this.minRequestBytesPerSecond = minRequestBytesPerSecond;
            return this;
        }

        /**
         * The storage ports (AccessTokens, ActivityLog, ReportHistory, ScanQueue) as a Guice module, e.g. the
         * storage adapter's module. Required: every API call checks its token there.
         */
        public Builder storage(Module storageModule) {
            this.storage = Objects.requireNonNull(storageModule, "storageModule");
            return this;
        }

        /**
         * @throws IllegalArgumentException on bad settings, unusable TLS files (one line naming the file), a
         *                                  non-loopback host with neither TLS nor insecureHttp, or no storage
         */
        public TlsReadyServer build() {
            ListenAddress listen = new ListenAddress(host, port);
            if (storage == null) {
                throw new IllegalArgumentException("no storage: call storage(module) with a Guice module that binds"
                        + " AccessTokens, ActivityLog, ReportHistory and ScanQueue");
            }
            if (tlsCertificate == null && !insecureHttp && !listen.isLoopback()) {
                throw new IllegalArgumentException(listen.refusal("tls(cert, key)", "insecureHttp(true)"));
            }
            GuardSettings guard = GuardSettings.defaults(listen.host()).withAllowedHosts(allowedHosts)
                    .withLimits(maxConcurrentRequests,
                            maxConcurrentUploads == null ? GuardSettings.defaults(host).maxConcurrentUploads()
                                    : maxConcurrentUploads, maxQueuedRequests, maxWait)
                    .withTimeouts(idleTimeout, minRequestBytesPerSecond);
            if (tlsCertificate != null) {
                guard = guard.withTls(ServerTls.load(tlsCertificate, tlsKey));
            }
            return new TlsReadyServer(new ServerSettings(listen, maxRequestBytes), guard, storage,
                    new ScansModule(credentials, scanLease), new HistoryModule(), new PagesModule());
        }
    }
}
