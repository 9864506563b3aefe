package io.tlsready.app.rest.guard;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.tlsready.domain.access.Activity;
import io.tlsready.domain.port.ActivityLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every request routed by Javalin: the HTTP metrics, and the activity log for everything that changes
 * something (any method but GET and HEAD) and for every refusal (401, 403), with who (the token's name, never
 * the token), what (method and route), to what (path parameters, or the created resource) and how it ended.
 */
final class RequestRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRecorder.class);
    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final int MAX_TEXT = 200;
    /** The route label of requests no route handled: unknown paths, and those the guard refused before routing. */
    static final String UNROUTED = "unrouted";

    private final ServiceMetrics metrics;
    private final ActivityLog activities;
    private final Clock clock;

    RequestRecorder(ServiceMetrics metrics, ActivityLog activities, Clock clock) {
        this.metrics = metrics;
        this.activities = activities;
        this.clock = clock;
    }

    void record(Context ctx, Float millis) {
        String method = ctx.req().getMethod();
        int status = ctx.statusCode();
        String route = route(ctx);
        metrics.httpRequest(method, route == null ? UNROUTED : route, status,
                Duration.ofNanos((long) (millis * 1_000_000L)));
        if (!READS.contains(method) || status == 401 || status == 403) {
            String action = method + " " + (route == null ? cut(ctx.path()) : route);
            try {
                activities.record(new Activity(clock.instant(), Caller.nameOf(ctx), cut(action), target(ctx),
                        status));
            } catch (RuntimeException e) {
                // the answer is already sent; a store that cannot write is the operator's to see, once per request
                LOG.warn("could not record activity '{}': {}", action, e.toString());
            }
        }
    }

    /** The matched route's template (e.g. {@code /api/v1/scans/{id}}), or null when no route matched. */
    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? null : endpoint.path;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Path parameters (a scan id, a host), else the last segment of a Location header (what was created). */
    private static String target(Context ctx) {
        try {
            if (!ctx.pathParamMap().isEmpty()) {
                return cut(String.join(" ", ctx.pathParamMap().values()));
            }
        } catch (RuntimeException e) {
            // no route matched: no parameters
        }
        String location = ctx.res().getHeader("Location");
        if (location != null && !location.isEmpty()) {
            return cut(location.substring(location.lastIndexOf('/') + 1));
        }
        return "";
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
    }
}
