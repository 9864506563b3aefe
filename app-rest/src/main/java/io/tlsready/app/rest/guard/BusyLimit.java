package io.tlsready.app.rest.guard;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
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
    /** Bodies up to this size are read and dropped before a 503 (see {@link #busy}); larger ones are not. */
    static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

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
        busy(request, response, callback, status);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status,
                                 Throwable failure) {
        if (status == 503) {
            busy(request, response, callback, status);
        } else {
            super.failSuspended(request, response, callback, status, failure);
        }
    }

    /**
     * 503 with Retry-After, after reading and discarding an announced body of sane size: an HTTP/1.1 client
     * reads the answer only once it has sent its body, and a server that closes with unread data resets the
     * connection, so the client would see a broken connection instead of "busy, retry".
     */
    private void busy(Request request, Response response, Callback callback, int status) {
        metrics.rejected(reason);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        long length = request.getLength();
        if (length > 0 && length <= MAX_DRAIN_BYTES) {
            Content.Source.consumeAll(request, Callback.from(() -> Response.writeError(request, response, callback,
                    status), x -> Response.writeError(request, response, callback, status)));
        } else {
            Response.writeError(request, response, callback, status);
        }
    }
}
