package io.tlsready.app.rest.guard;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The guard's Jetty settings: the connector (HTTPS when configured, TLS 1.2 and 1.3 only), idle timeout and the
 * slowest request body accepted, the limits on concurrent requests and uploads, and Jetty's own errors as problem
 * documents. Apart from {@link Guard} so that Jetty is loaded when a server starts, not when it is built.
 */
final class JettySetup {

    static final String UPLOAD_PATH = "/api/v1/audits";
    static final String HEALTH_PATH = "/healthz";

    private JettySetup() {
    }

    static void apply(JavalinConfig config, GuardSettings settings, ProblemWriter problems, ServiceMetrics metrics) {
        String host = config.jetty.host;
        int port = config.jetty.port;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setIdleTimeout(settings.idleTimeout().toMillis());
        });
        config.jetty.addConnector((server, http) -> connector(server, http, settings, host, port));
        config.jetty.modifyServer(server -> limits(server, settings, problems, metrics));
        new ClientAborts(problems).addTo(config.routes);
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, GuardSettings settings,
                                             String host, int port) {
        ServerConnector connector;
        if (settings.tls().isPresent()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(settings.tls().get().keyStore());
            ssl.setKeyStorePassword(new String(ServerTls.STORE_PASSWORD));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration(http);
            // the Host allow-list checks names; the certificate need not name every address clients use
            https.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        return connector;
    }

    private static void limits(Server server, GuardSettings settings, ProblemWriter problems,
                               ServiceMetrics metrics) {
        server.setErrorHandler(new ProblemErrorHandler(problems));
        // innermost of the three, so that time spent waiting for a slot does not count against a body's rate
        server.insertHandler(new SlowBodyLimit(settings.minRequestBytesPerSecond()));
        BusyLimit uploads = new BusyLimit("uploads", settings.maxConcurrentUploads(), settings.maxQueuedRequests(),
                settings.maxWait(), metrics);
        uploads.include(PathSpec.from(UPLOAD_PATH));
        server.insertHandler(uploads);
        BusyLimit all = new BusyLimit("requests", settings.maxConcurrentRequests(), settings.maxQueuedRequests(),
                settings.maxWait(), metrics);
        all.exclude(PathSpec.from(HEALTH_PATH)); // liveness must answer however busy the server is
        server.insertHandler(all);
    }
}
