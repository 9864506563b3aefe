package io.tlsready.app.rest.serve;

import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.app.rest.scans.CredentialProfiles;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the service: the data directory, the store, the initial token on a first start, the server; then
 * waiting for the stop signal, and stopping the server and closing the store in that order.
 */
final class Serving {

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private final Storage storage;
    private final StopSignal stopSignal;
    private final Clock clock;
    private final PrintWriter err;

    Serving(Storage storage, StopSignal stopSignal, Clock clock, PrintWriter err) {
        this.storage = storage;
        this.stopSignal = stopSignal;
        this.clock = clock;
        this.err = err;
    }

    /** How a running service learns it must stop (SIGTERM and Ctrl-C in the real process). */
    @FunctionalInterface
    interface StopSignal {

        /**
         * Blocks until the service serving at {@code uri} must stop, running {@code stopping} (which stops it)
         * before returning. {@code announce} (the "listening" log line) runs once a stop would be heard, so that
         * whoever waits for that line may stop the service right away.
         */
        void await(URI uri, Runnable announce, Runnable stopping) throws InterruptedException;

        /** The JVM's shutdown: SIGTERM, SIGINT (Ctrl-C), or the end of the process. */
        static StopSignal jvmShutdown() {
            return (uri, announce, stopping) -> {
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stopping.run();
                    stopped.countDown();
                }, "tlsready-serve-shutdown"));
                announce.run();
                stopped.await();
            };
        }
    }

    int run(ServeSettings settings) throws InterruptedException {
        CredentialProfiles credentials = Wiring.credentials(settings);
        DataDir data = DataDir.prepare(settings.data());
        OpenStore store = OpenStore.open(storage, data, settings.db());
        TlsReadyServer server;
        URI uri;
        try {
            Tokens tokens = new Tokens(store.tokens(), store.activity(), clock, "serve");
            tokens.initial(data).ifPresent(issued -> announce(issued, data));
            server = Wiring.server(settings, store.ports(), credentials);
            uri = start(server, settings);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        stopSignal.await(uri, () -> LOG.info("tlsready serve listening on {} (data in {}{}); stop with Ctrl-C or "
                + "SIGTERM", uri, data.path(), settings.db().map(url -> ", database " + JdbcUrls.describe(url))
                        .orElse("")), () -> {
            try {
                server.stop();
            } finally {
                store.close();
            }
            LOG.info("tlsready serve stopped");
        });
        return 0;
    }

    private static URI start(TlsReadyServer server, ServeSettings settings) {
        try {
            return server.start();
        } catch (RuntimeException e) {
            throw new ServeFailure(ServeFailure.UNAVAILABLE, "cannot listen on " + settings.listen() + ": "
                    + JdbcUrls.oneLine(e), e);
        }
    }

    /** The secret of the first token, once, on stderr (never through the log), and where it was saved. */
    private void announce(Tokens.Issued issued, DataDir data) {
        err.println("tlsready serve: first start: created the operator token 'initial' (id " + issued.token().id()
                + "); its secret, shown only this once:");
        err.println(issued.secret());
        err.println("tlsready serve: it was saved in " + data.initialToken() + " (mode 600); make more with "
                + "'tlsready serve token create --name NAME --role reader|operator'");
        err.flush();
    }
}
