package io.tlsready.app.rest.guard;

import io.javalin.config.RoutesConfig;
import io.tlsready.app.rest.RouteGroup;
import jakarta.inject.Inject;

/** {@code GET /metrics}: Prometheus text format, for a reader token (the {@link Gatekeeper} checks it). */
final class MetricsRoutes implements RouteGroup {

    static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServiceMetrics metrics;

    @Inject
    MetricsRoutes(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.contentType(CONTENT_TYPE).result(metrics.scrape()));
    }
}
