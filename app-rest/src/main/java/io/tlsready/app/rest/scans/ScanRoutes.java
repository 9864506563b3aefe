package io.tlsready.app.rest.scans;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.JsonBody;
import io.tlsready.app.rest.ProblemException;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.app.rest.guard.Caller;
import io.tlsready.app.rest.guard.ServiceMetrics;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.scan.Scan;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/v1/scans} (202 and {@code Location}), {@code GET /api/v1/scans} (newest first, paged),
 * {@code GET /api/v1/scans/{id}} and {@code DELETE /api/v1/scans/{id}} (cancel). The work itself is the
 * {@link ScanWorker}'s, on every instance sharing the store; these routes only write and read the queue.
 */
final class ScanRoutes implements RouteGroup {

    static final String PATH = "/api/v1/scans";
    /** The request attribute the auth guard sets to the token's name; scans record it as who asked. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ScanQueue queue;
    private final ScanRequests requests;
    private final ScanControl control;
    private final ObjectMapper json;

    @Inject
    ScanRoutes(ScanQueue queue, CredentialProfiles profiles, ScanControl control, ObjectMapper json,
            ServiceMetrics metrics) {
        this.queue = queue;
        metrics.scansRunning(queue::running); // one count at each scrape
        this.requests = new ScanRequests(profiles);
        this.control = control;
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::create);
        routes.get(PATH, this::list);
        routes.get(PATH + "/{id}", ctx -> JsonBody.write(ctx, json, JsonBody.JSON, ScanJson.of(scan(ctx))));
        routes.delete(PATH + "/{id}", this::cancel);
    }

    private void create(Context ctx) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            throw ProblemException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, (type.isEmpty() ? "no Content-Type"
                    : "Content-Type " + type + " is not accepted") + "; send the scan as application/json");
        }
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readAllBytes();
        }
        Scan scan = control.start(requests.read(body, actor(ctx)));
        ctx.status(HttpStatus.ACCEPTED).header("Location", PATH + "/" + scan.id());
        JsonBody.write(ctx, json, JsonBody.JSON, ScanJson.of(scan));
    }

    private void list(Context ctx) {
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        JsonBody.write(ctx, json, JsonBody.JSON, ScanJson.page(queue.scans(offset, limit), offset, limit));
    }

    private void cancel(Context ctx) {
        JsonBody.write(ctx, json, JsonBody.JSON, ScanJson.of(control.cancel(scan(ctx).id())));
    }

    private Scan scan(Context ctx) {
        String id = ctx.pathParam("id");
        return queue.scan(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        // the id is the client's own text: quoted by JSON, never interpreted
        return ProblemException.of(HttpStatus.NOT_FOUND, "no scan with id '" + id + "'");
    }

    private static String actor(Context ctx) {
        return Caller.nameOf(ctx);
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        Optional<Integer> value;
        try {
            value = Optional.of(Integer.parseInt(text)).filter(v -> v >= min && v <= max);
        } catch (NumberFormatException e) {
            value = Optional.empty();
        }
        return value.orElseThrow(() -> ProblemException.of(HttpStatus.BAD_REQUEST, name + " must be a whole number "
                + min + ".." + max));
    }
}
