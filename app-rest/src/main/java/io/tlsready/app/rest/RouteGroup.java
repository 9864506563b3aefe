package io.tlsready.app.rest;

import io.javalin.config.RoutesConfig;

/**
 * A feature's routes. Guice collects every group into a set ({@link RestModule}); the Javalin provider hands
 * each one the route configuration, so adding an endpoint never touches the server wiring.
 */
public interface RouteGroup {

    void addTo(RoutesConfig routes);
}
