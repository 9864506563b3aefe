package io.tlsready.app.rest.guard;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * At most so many requests at once; the next ones wait (without a thread) for a slot, and past the queue or the
 * wait they get {@code 503} with {@code Retry-After}, as a problem document (the server's error handler).
 */
final class BusyLimit extends QoSHandler {

    static final String RETRY_AFTER_SECONDS = "2";

    private final String reason;
    private final ServiceMetrics metrics;

    BusyLimit(String reason, int concurrent, int queued, Duration wait, ServiceMetrics metrics) {
        this.reason = reason;
        this.metrics = metrics;
        setMaxRequestCount(concurrent);
        setMaxSuspendedRequestCount(queued);
        setMaxSuspend(wait);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        busy(response);
        super.reject(request, response, callback, status);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status,
                                 Throwable failure) {
        if (status == 503) {
            busy(response);
            Response.writeError(request, response, callback, status);
        } else {
            super.failSuspended(request, response, callback, status, failure);
        }
    }

    private void busy(Response response) {
        metrics.rejected(reason);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
