package io.tlsready.app.rest.pages;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.tlsready.app.rest.RouteGroup;
import java.time.Clock;
import java.util.List;

/**
 * The dashboard room's wiring: its session table, the template renderer and its route groups (the gate first).
 * Needs the storage ports, {@code EvidenceAudits} and {@code ScanControl} bound by the other rooms.
 */
public final class PagesModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<RouteGroup> groups = Multibinder.newSetBinder(binder(), RouteGroup.class);
        for (Class<? extends RouteGroup> group : List.of(PageGate.class, AssetRoutes.class,
                SignInPages.class, OverviewPage.class, HostsPage.class, HostPages.class, UploadPage.class,
                ScanPages.class)) {
            bind(group).in(Singleton.class);
            groups.addBinding().to(group);
        }
    }

    @Provides
    @Singleton
    Sessions sessions(Clock clock) {
        return new Sessions(clock, Sessions.MAX_SESSIONS);
    }

    @Provides
    @Singleton
    PageRenderer renderer() {
        return new PageRenderer();
    }
}
