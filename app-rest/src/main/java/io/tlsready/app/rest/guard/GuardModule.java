package io.tlsready.app.rest.guard;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tlsready.app.rest.RouteGroup;
import java.util.Objects;

/**
 * The guard room's wiring: the {@link Guard} the REST wiring applies to each server, the gate and {@code /metrics}
 * as route groups, and {@link ServiceMetrics} for the other rooms. Needs {@code AccessTokens}, {@code ActivityLog},
 * an {@code ObjectMapper} and a {@code Clock} bound elsewhere (storage and the REST module).
 */
public final class GuardModule extends AbstractModule {

    private final GuardSettings settings;

    public GuardModule(GuardSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(GuardSettings.class).toInstance(settings);
        bind(Guard.class).in(Singleton.class);
        bind(ServiceMetrics.class).in(Singleton.class);
        bind(Gatekeeper.class).in(Singleton.class);
        bind(MetricsRoutes.class).in(Singleton.class);
        Multibinder<RouteGroup> groups = Multibinder.newSetBinder(binder(), RouteGroup.class);
        groups.addBinding().to(Gatekeeper.class);
        groups.addBinding().to(MetricsRoutes.class);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }
}
