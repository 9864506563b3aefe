package io.tlsready.app.rest;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import io.javalin.Javalin;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.app.rest.scans.CredentialProfiles;
import io.tlsready.app.rest.scans.ScansModule;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tlsready REST API as an embeddable server.
 *
 * <pre>{@code
 * try (TlsReadyServer server = TlsReadyServer.builder().port(0).build()) {
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
    private final Provider<Javalin> servers;
    private final List<Background> backgrounds;
    private Javalin running;

    private TlsReadyServer(ServerSettings settings, Module... rooms) {
        this.settings = settings;
        Injector injector = createInjector(settings, rooms);
        this.servers = injector.getProvider(Javalin.class);
        this.backgrounds = List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<Background>>() { })));
    }

    /** The composition root, also used by tests to check the wiring; {@code rooms} are the optional features. */
    static Injector createInjector(ServerSettings settings, Module... rooms) {
        List<Module> modules = new ArrayList<>(List.of(new AuditModule(), new OfflineEvidenceModule(),
                new RestModule(settings)));
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
        return settings.listen().uri(port());
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

    /** Settings for a server; defaults: 127.0.0.1, any free port, 32 MiB per request. */
    public static final class Builder {

        private String host = ListenAddress.LOOPBACK;
        private int port;
        private long maxRequestBytes = ServerSettings.DEFAULT_MAX_REQUEST_BYTES;
        private boolean allowRemote;
        private Module storage;
        private CredentialProfiles credentials = CredentialProfiles.none();
        private Duration scanLease = ScansModule.DEFAULT_LEASE;

        private Builder() {
        }

        /**
         * The module binding the storage ports (ReportHistory, ScanQueue, AccessTokens, ActivityLog). With it the
         * server also runs scans ({@code /api/v1/scans} and a worker auditing their hosts over WinRM).
         */
        public Builder storage(Module storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
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
         * Allows a non-loopback host (e.g. 0.0.0.0). The API has no authentication and no TLS: only do this
         * behind a proxy that provides both.
         */
        public Builder allowRemote(boolean allowRemote) {
            this.allowRemote = allowRemote;
            return this;
        }

        /** @throws IllegalArgumentException on bad settings, or a non-loopback host without allowRemote */
        public TlsReadyServer build() {
            ListenAddress listen = new ListenAddress(host, port);
            if (!allowRemote && !listen.isLoopback()) {
                throw new IllegalArgumentException(listen.refusal("allowRemote(true)"));
            }
            ServerSettings settings = new ServerSettings(listen, maxRequestBytes);
            return storage == null ? new TlsReadyServer(settings)
                    : new TlsReadyServer(settings, storage, new ScansModule(credentials, scanLease));
        }
    }
}
