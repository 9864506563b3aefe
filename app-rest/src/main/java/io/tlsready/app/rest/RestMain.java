package io.tlsready.app.rest;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tlsready-rest [--listen HOST:PORT] [--allow-remote] [--max-request-bytes N]}: runs the REST API
 * until SIGTERM / Ctrl-C, then stops cleanly. Loopback only unless {@code --allow-remote}.
 *
 * <p>A server reports through its log (SLF4J; slf4j-simple writes to stderr), not the standard streams,
 * which belong to the CLI. Usage errors exit with 2, as the CLI's do.
 */
public final class RestMain {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: tlsready-rest [--listen HOST:PORT] [--allow-remote] [--max-request-bytes N]",
            "  --listen HOST:PORT       where to listen (default 127.0.0.1:8080; [::1]:8080 for IPv6; port 0 = any)",
            "  --allow-remote           allow a non-loopback address such as 0.0.0.0 (no auth, no TLS: use a proxy)",
            "  --max-request-bytes N    largest accepted request body (default "
                    + ServerSettings.DEFAULT_MAX_REQUEST_BYTES + ")");

    private static final Logger LOG = LoggerFactory.getLogger(RestMain.class);

    private RestMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        TlsReadyServer server;
        try {
            options = Options.parse(args);
            if (options.help()) {
                LOG.info("{}{}", System.lineSeparator(), USAGE);
                return;
            }
            server = options.server();
        } catch (IllegalArgumentException e) {
            LOG.error("{}{}{}", e.getMessage(), System.lineSeparator(), USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "tlsready-rest-shutdown"));
        URI uri;
        try {
            uri = server.start();
        } catch (RuntimeException e) {
            LOG.error("cannot listen on {}:{}: {}", options.listen().host(), options.listen().port(), e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("tlsready REST API listening on {} (stop with Ctrl-C or SIGTERM)", uri);
        // Jetty's threads keep the JVM alive anyway; waiting here makes the shutdown order explicit
        stopped.await();
    }

    /** The parsed command line. */
    record Options(ListenAddress listen, boolean allowRemote, long maxRequestBytes, boolean help) {

        static Options parse(String... args) {
            ListenAddress listen = new ListenAddress(ListenAddress.LOOPBACK, 8080);
            boolean allowRemote = false;
            boolean help = false;
            long max = ServerSettings.DEFAULT_MAX_REQUEST_BYTES;
            Deque<String> rest = new ArrayDeque<>(List.of(args));
            while (!rest.isEmpty()) {
                String arg = rest.poll();
                int eq = arg.indexOf('=');
                String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
                String inline = name.equals(arg) ? null : arg.substring(eq + 1);
                switch (name) {
                    case "--listen" -> listen = ListenAddress.parse(value(name, inline, rest));
                    case "--max-request-bytes" -> max = bytes(value(name, inline, rest));
                    case "--allow-remote" -> allowRemote = true;
                    case "-h", "--help" -> help = true;
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            if (!help && !allowRemote && !listen.isLoopback()) {
                throw new IllegalArgumentException(listen.refusal("--allow-remote"));
            }
            return new Options(listen, allowRemote, max, help);
        }

        /** The option's value: after '=' or the next argument. */
        private static String value(String name, String inline, Deque<String> rest) {
            if (inline != null) {
                return inline;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return rest.poll();
        }

        private static long bytes(String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--max-request-bytes wants a number of bytes, got '" + s + "'", e);
            }
        }

        TlsReadyServer server() {
            return TlsReadyServer.builder().host(listen.host()).port(listen.port())
                    .maxRequestBytes(maxRequestBytes).allowRemote(allowRemote).build();
        }
    }
}
