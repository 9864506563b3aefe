package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error as an RFC 9457 problem document. Client errors explain themselves; server errors say only that
 * something failed and give an id to find the stack trace in the server log, which never reaches the client.
 */
final class ProblemRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemRoutes.class);

    private final ObjectMapper json;

    @Inject
    ProblemRoutes(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, e.status(), e.type(), e.title(), e.getMessage(), e.location());
        });
        // Javalin's own answers: unknown route (404), wrong method (405), body over http.maxRequestSize (413)
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            if (status == HttpStatus.METHOD_NOT_ALLOWED) {
                allowHeader(e).ifPresent(v -> ctx.header("Allow", v));
            }
            write(ctx, status, Problem.ABOUT_BLANK, status.getMessage(), clientDetail(e, status), null);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString();
            LOG.error("{} {} failed (incident {})", ctx.method(), ctx.path(), incident, e);
            write(ctx, HttpStatus.INTERNAL_SERVER_ERROR, Problem.ABOUT_BLANK,
                    HttpStatus.INTERNAL_SERVER_ERROR.getMessage(),
                    "the server could not complete the request; the server log has details under incident "
                            + incident, null);
        });
    }

    private static String clientDetail(HttpResponseException e, HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no such resource; the API lives under /api/v1 (see GET /api/v1/rules)";
            case METHOD_NOT_ALLOWED -> "this resource does not accept that method"
                    + allowHeader(e).map(v -> "; allowed: " + v).orElse("");
            case CONTENT_TOO_LARGE -> "the request body is larger than this server accepts";
            default -> status.getMessage();
        };
    }

    /** Javalin lists a path's methods in the 405's details; HTTP requires them in an Allow header. */
    private static Optional<String> allowHeader(HttpResponseException e) {
        return e.getDetails().values().stream().findFirst();
    }

    private void write(Context ctx, HttpStatus status, String type, String title, String detail, String location) {
        ctx.status(status);
        JsonBody.write(ctx, json, Problem.CONTENT_TYPE,
                new Problem(type, title, status.getCode(), detail, ctx.path(), location));
    }
}
