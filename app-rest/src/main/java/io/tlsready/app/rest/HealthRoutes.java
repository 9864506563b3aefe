package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import jakarta.inject.Inject;

/** {@code GET /healthz}: the process is up and routing. It checks nothing else, by design: there is nothing to check. */
final class HealthRoutes implements RouteGroup {

    static final String PATH = "/healthz";

    private final ObjectMapper json;

    @Inject
    HealthRoutes(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> JsonBody.write(ctx, json, JsonBody.JSON, new Health("ok")));
    }

    record Health(String status) {
    }
}
