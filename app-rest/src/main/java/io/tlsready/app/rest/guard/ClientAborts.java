package io.tlsready.app.rest.guard;

import io.javalin.config.RoutesConfig;
import io.tlsready.app.rest.RouteGroup;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that goes away mid-body (connection reset, early EOF, a body too slow for the server) is normal on a
 * network, not a server error: one debug line, no stack trace, and a 400/408 for whoever is still listening.
 * Any other I/O failure is a 500 with an incident id, its stack trace in the log as for every other bug.
 */
final class ClientAborts implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAborts.class);

    private final ProblemWriter problems;

    ClientAborts(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.exception(IOException.class, (e, ctx) -> {
            if (clientWentAway(e)) {
                LOG.debug("{} {}: client went away mid-request ({})", ctx.method(), ctx.path(), e.toString());
                problems.write(ctx, 400, "the request body ended before it was complete");
            } else {
                String incident = UUID.randomUUID().toString();
                LOG.error("{} {} failed (incident {})", ctx.method(), ctx.path(), incident, e);
                problems.write(ctx, 500, "the server could not complete the request; the server log has details"
                        + " under incident " + incident);
            }
        });
        routes.exception(HttpException.RuntimeException.class, (e, ctx) -> {
            LOG.debug("{} {}: bad request body ({} {})", ctx.method(), ctx.path(), e.getCode(), e.getReason());
            problems.write(ctx, e.getCode(), ProblemErrorHandler.detail(e.getCode()));
        });
    }

    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EofException || t instanceof EOFException || t instanceof TimeoutException
                    || t instanceof HttpException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("connection reset") || m.contains("broken pipe") || m.contains("early eof")) {
                return true;
            }
        }
        return false;
    }
}
