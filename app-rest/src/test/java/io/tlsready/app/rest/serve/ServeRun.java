package io.tlsready.app.rest.serve;

import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.testing.InMemoryStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code tlsready serve …} run in this JVM, as {@link ServeMain} runs it but with the test's store and stop signal:
 * what it printed on stdout and stderr and its exit code. One store per data directory, kept across runs, as files
 * keep the data of a real one.
 */
final class ServeRun {

    private final Map<Path, InMemoryStore> stores = new HashMap<>();
    private final boolean real;

    /** Runs on in-memory stores, one per data directory. */
    ServeRun() {
        this(false);
    }

    private ServeRun(boolean real) {
        this.real = real;
    }

    /** Runs on the real store: SQLite files in the data directories. */
    static ServeRun onSqlite() {
        return new ServeRun(true);
    }

    /** The storage the runs share: the real one, or the same in-memory store for the same data directory. */
    Storage storage() {
        if (real) {
            return Storage.real();
        }
        return (data, jdbcUrl) -> {
            InMemoryStore store = stores.computeIfAbsent(data.toAbsolutePath().normalize(), d -> new InMemoryStore());
            return binder -> {
                binder.bind(ReportHistory.class).toInstance(store);
                binder.bind(ScanQueue.class).toInstance(store);
                binder.bind(AccessTokens.class).toInstance(store);
                binder.bind(ActivityLog.class).toInstance(store);
            };
        };
    }

    InMemoryStore store(Path data) {
        return stores.get(data.toAbsolutePath().normalize());
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs a command that does not serve (token commands, help, refusals). */
    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ServeMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true), storage(),
                (uri, announce, stopping) -> {
                    stopping.run();
                    throw new AssertionError("this run was not meant to serve, but listened on " + uri);
                }, Clock.systemUTC());
        return new Result(code, out.toString(), err.toString());
    }

    /** A service running in a thread until {@link #stop()}. */
    final class Serving implements AutoCloseable {

        private final CompletableFuture<URI> listening = new CompletableFuture<>();
        private final CountDownLatch stop = new CountDownLatch(1);
        private final CompletableFuture<Result> ended = new CompletableFuture<>();
        private final StringWriter err = new StringWriter();

        private Serving(String... args) {
            Thread t = new Thread(() -> {
                StringWriter out = new StringWriter();
                try {
                    int code = ServeMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true), storage(),
                            (uri, announce, stopping) -> {
                                announce.run();
                                listening.complete(uri);
                                stop.await();
                                stopping.run();
                            }, Clock.systemUTC());
                    ended.complete(new Result(code, out.toString(), err.toString()));
                } catch (RuntimeException | Error e) {
                    ended.completeExceptionally(e);
                }
                listening.completeExceptionally(new IllegalStateException("serve ended without listening: " + err));
            }, "serve-under-test");
            t.start();
        }

        /** Where it listens, once it does. */
        URI uri() throws Exception {
            return listening.get(2, TimeUnit.MINUTES);
        }

        String err() {
            return err.toString();
        }

        Result stop() throws ExecutionException, TimeoutException {
            stop.countDown();
            try {
                return ended.get(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping", e);
            }
        }

        @Override
        public void close() throws ExecutionException, TimeoutException {
            stop();
        }
    }

    Serving serve(String... args) {
        return new Serving(args);
    }
}
