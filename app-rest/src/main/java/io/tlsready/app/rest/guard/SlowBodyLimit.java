package io.tlsready.app.rest.guard;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Drops a request whose body, once the handler started reading it, arrives slower than a minimum rate (after a
 * short grace period): a client trickling a byte now and then would otherwise hold a thread for as long as it
 * likes. Per request, unlike Jetty's own data-rate handler, which divides the whole server's bytes.
 */
final class SlowBodyLimit extends Handler.Wrapper {

    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final long minBytesPerSecond;

    SlowBodyLimit(long minBytesPerSecond) {
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new RateRequest(request), response, callback);
    }

    /**
     * Counts only the time spent waiting for the client (from a read that found nothing to the next one that found
     * data), so a server slowed by its own work never blames the client for it.
     */
    private final class RateRequest extends Request.Wrapper {

        private long waitingSince;
        private long waited;
        private long bytes;

        RateRequest(Request wrapped) {
            super(wrapped);
        }

        @Override
        public Content.Chunk read() {
            long now = NanoTime.now();
            Content.Chunk chunk = super.read();
            if (chunk == null) {
                if (waitingSince == 0) {
                    waitingSince = now;
                }
                return null;
            }
            if (waitingSince != 0) {
                waited += NanoTime.elapsed(waitingSince, now);
                waitingSince = 0;
            }
            if (Content.Chunk.isFailure(chunk) || chunk.isLast()) {
                return chunk;
            }
            bytes += chunk.remaining();
            if (waited > GRACE_NANOS && bytes * TimeUnit.SECONDS.toNanos(1) / waited < minBytesPerSecond) {
                chunk.release();
                return Content.Chunk.from(new TimeoutException("request body slower than " + minBytesPerSecond
                        + " bytes per second"));
            }
            return chunk;
        }
    }
}
