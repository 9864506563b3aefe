package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.tlsready.app.rest.guard.Guard;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * The REST wiring: route groups, JSON, the clock, and a Javalin built from them. The provider only
 * configures; {@link TlsReadyServer} starts and stops (modules stay fast and free of side effects).
 */
final class RestModule extends AbstractModule {

    private final ServerSettings settings;

    RestModule(ServerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(ServerSettings.class).toInstance(settings);
        bind(EvidenceAudits.class).in(Singleton.class); // the API's audits and the dashboard's upload form
        Multibinder<RouteGroup> groups = Multibinder.newSetBinder(binder(), RouteGroup.class);
        bindGroup(groups, ProblemRoutes.class);
        bindGroup(groups, HealthRoutes.class);
        bindGroup(groups, RulesRoutes.class);
        bindGroup(groups, AuditRoutes.class);
        Multibinder.newSetBinder(binder(), Background.class); // rooms add theirs; none is fine
        bindGroup(groups, OpenApiRoutes.class);
    }

    private void bindGroup(Multibinder<RouteGroup> groups, Class<? extends RouteGroup> group) {
        bind(group).in(Singleton.class); // the strict injector wants the target bound, not just linked
        groups.addBinding().to(group);
    }

    @Provides
    @Singleton
    ObjectMapper objectMapper() {
        return JsonMapper.builder().build();
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Unscoped on purpose: every start gets a fresh, unstarted server (a stopped Javalin cannot be restarted),
     * and nothing Jetty-related is created while the injector is built.
     */
    @Provides
    Javalin javalin(ServerSettings settings, Set<RouteGroup> groups, Guard guard) {
        long max = settings.maxRequestBytes();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.listen().host();
            config.jetty.port = settings.listen().port();
            // a path that exists answers a wrong method with 405, not 404
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = max;
            config.jetty.multipartConfig.maxTotalRequestSize(max, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
            guard.configure(config); // connector, TLS, limits, multipart spooling, metrics and activity
            groups.forEach(g -> g.addTo(config.routes));
        });
    }
}
