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

    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final long minBytesPerSecond;

    SlowBodyLimit(long minBytesPerSecond) {
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new RateRequest(request), response, callback);
    }

    private final class RateRequest extends Request.Wrapper {

        private long firstRead;
        private long bytes;

        RateRequest(Request wrapped) {
            super(wrapped);
        }

        @Override
        public Content.Chunk read() {
            long now = NanoTime.now();
            if (firstRead == 0) {
                firstRead = now;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            bytes += chunk.remaining();
            if (chunk.isLast()) {
                return chunk;
            }
            long elapsed = NanoTime.elapsed(firstRead, now);
            if (elapsed > GRACE_NANOS && bytes * TimeUnit.SECONDS.toNanos(1) / elapsed < minBytesPerSecond) {
                chunk.release();
                return Content.Chunk.from(new TimeoutException("request body slower than " + minBytesPerSecond
                        + " bytes per second"));
            }
            return chunk;
        }
    }
}
