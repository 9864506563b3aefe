package io.tlsready.app.rest.scans;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.app.rest.Background;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.app.rest.guard.ServiceMetrics;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.RemoteHosts;
import io.tlsready.domain.port.ScanQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The scans room: its routes, its worker (started and stopped with the server) and the WinRM adapter it audits
 * through, as the CLI gets it. Needs the storage ports ({@link ScanQueue}) bound beside it.
 */
public final class ScansModule extends AbstractModule {

    /** How long an instance holds a scan's host before others may take it, unless renewed. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    private final CredentialProfiles profiles;
    private final Duration lease;

    /**
     * @param lease how long an instance holds a host (renewed every third of it while the host is in flight); a
     *              killed instance's hosts go to the others after this
     */
    public ScansModule(CredentialProfiles profiles, Duration lease) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.toMillis() < 300) {
            throw new IllegalArgumentException("the scan lease must be at least 300 ms: " + lease);
        }
    }

    @Override
    protected void configure() {
        install(new WinRmModule());
        bind(CredentialProfiles.class).toInstance(profiles);
        bind(ScanRoutes.class).in(Singleton.class);
        bind(ScanControl.class).in(Singleton.class); // the API's scans and the dashboard's scan form
        Multibinder.newSetBinder(binder(), RouteGroup.class).addBinding().to(ScanRoutes.class);
        Multibinder.newSetBinder(binder(), Background.class).addBinding().to(ScanWorker.class);
    }

    @Provides
    @Singleton
    ScanWorker worker(ScanQueue queue, RemoteHosts hosts, AuditService audit, Clock clock, ServiceMetrics metrics) {
        return new ScanWorker(queue, hosts, audit, profiles, clock, lease, metrics);
    }
}
