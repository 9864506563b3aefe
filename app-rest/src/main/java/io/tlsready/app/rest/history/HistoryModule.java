package io.tlsready.app.rest.history;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.tlsready.app.rest.RouteGroup;

/**
 * The history room's routes. Needs {@code ReportHistory} and {@code ScanQueue} bound by a storage module; binds
 * nothing else.
 */
public final class HistoryModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<RouteGroup> groups = Multibinder.newSetBinder(binder(), RouteGroup.class);
        bind(HostsRoutes.class).in(Singleton.class);
        groups.addBinding().to(HostsRoutes.class);
        bind(FleetRoutes.class).in(Singleton.class);
        groups.addBinding().to(FleetRoutes.class);
        bind(ScanReportRoutes.class).in(Singleton.class);
        groups.addBinding().to(ScanReportRoutes.class);
    }
}
