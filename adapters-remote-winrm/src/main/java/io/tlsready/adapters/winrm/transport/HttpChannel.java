package io.tlsready.adapters.winrm.transport;

import io.micronaut.buffer.netty.NettyByteBufferFactory;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpVersion;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.bind.DefaultRequestBinderRegistry;
import io.micronaut.http.body.ContextlessMessageBodyHandlerRegistry;
import io.micronaut.http.body.WritableBodyWriter;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration.ConnectionPoolConfiguration;
import io.micronaut.http.client.HttpClientConfiguration.ConnectionPoolConfiguration.ConnectionLocality;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.client.exceptions.ResponseClosedException;
import io.micronaut.http.client.filter.DefaultHttpClientFilterResolver;
import io.micronaut.http.client.netty.DefaultHttpClient;
import io.micronaut.http.client.netty.NettyClientCustomizer;
import io.micronaut.http.client.netty.ssl.ClientSslBuilder;
import io.micronaut.http.client.netty.ssl.NettyClientSslBuilder;
import io.micronaut.http.codec.MediaTypeCodecRegistry;
import io.micronaut.http.netty.body.NettyByteBufMessageBodyHandler;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.websocket.context.WebSocketBeanRegistry;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One host's HTTP connection through Micronaut's Netty client, built standalone on the shared event loop.
 * The pool is capped at one HTTP/1.1 connection with locality IGNORE, and requests are strictly serial, so in
 * practice every request rides the same TCP connection (NTLM needs that; Micronaut offers no API to pin it, hence
 * the 401 → re-handshake → resend-once rule in {@link NtlmTransport}). Every failure becomes a
 * {@link WsmanTransportException} with a one-line message; nothing here ever sees or prints a password
 * (the Authorization value is passed through, never formatted).
 */
final class HttpChannel implements AutoCloseable {

    /** One HTTP reply, status and headers as needed by the transports. */
    record Response(int status, List<String> wwwAuthenticate, String contentType, byte[] body) {
        Response {
            wwwAuthenticate = List.copyOf(wwwAuthenticate);
            contentType = contentType == null ? "" : contentType;
            body = body == null ? new byte[0] : body;
        }
    }

    /** Micronaut's own empty customizer is package-private; all methods of the interface are defaults. */
    private static final NettyClientCustomizer NO_CUSTOMIZER = new NettyClientCustomizer() {
    };

    private final String label;
    private final URI endpoint;
    private final Deadline deadline;
    private final Duration readTimeout;
    private final int maxContentLength;
    private final HostTrust trust;
    private final HttpClient client;

    /**
     * @param trust null for plain HTTP
     */
    HttpChannel(SharedEventLoop loop, String label, URI endpoint, HostTrust trust, Duration connectTimeout,
            Duration readTimeout, int maxContentLength, Deadline deadline) {
        this.label = label;
        this.endpoint = endpoint;
        this.deadline = deadline;
        this.readTimeout = readTimeout;
        this.maxContentLength = maxContentLength;
        this.trust = trust;
        this.client = newClient(loop, configuration(connectTimeout, readTimeout, maxContentLength),
                trust == null ? new NettyClientSslBuilder(new ResourceResolver()) : new HostTrustSslBuilder(trust));
    }

    // setHttpVersion is deprecated, but it is the only setting that sends no ALPN extension at all (the newer
    // alpnModes always sends one): the ClientHello stays what WinRM listeners have always been sent.
    @SuppressWarnings("deprecation")
    private static DefaultHttpClientConfiguration configuration(Duration connectTimeout, Duration readTimeout,
            int maxContentLength) {
        DefaultHttpClientConfiguration cfg = new DefaultHttpClientConfiguration();
        cfg.setConnectTimeout(connectTimeout);
        cfg.setReadTimeout(readTimeout);
        // 401 and 500 carry what we need (WWW-Authenticate, SOAP faults): read them, don't throw.
        cfg.setExceptionOnErrorStatus(false);
        cfg.setFollowRedirects(false);
        cfg.setHttpVersion(HttpVersion.HTTP_1_1);
        cfg.setMaxContentLength(maxContentLength);
        cfg.setShutdownQuietPeriod(Duration.ZERO);
        ConnectionPoolConfiguration pool = cfg.getConnectionPoolConfiguration();
        pool.setEnabled(true); // without pooling every request gets a fresh connection: fatal for NTLM
        pool.setMaxConcurrentHttp1Connections(1);
        pool.setConnectionLocality(ConnectionLocality.IGNORE);
        return cfg;
    }

    /**
     * Micronaut's public builder cannot take an event-loop group (its setter is package-private in 4.10.15), so the
     * deprecated public constructor that can is used; the registries are the minimal ones for byte[] bodies, which
     * also keeps Jackson out (the builder's defaults call JsonMapper.createDefault()).
     */
    @SuppressWarnings("deprecation")
    private static HttpClient newClient(SharedEventLoop loop, DefaultHttpClientConfiguration cfg,
            ClientSslBuilder ssl) {
        ApplicationConfiguration app = new ApplicationConfiguration();
        ContextlessMessageBodyHandlerRegistry bodies = new ContextlessMessageBodyHandlerRegistry(app,
                NettyByteBufferFactory.DEFAULT, new NettyByteBufMessageBodyHandler(), new WritableBodyWriter(app));
        return new DefaultHttpClient(null, null, cfg, null,
                new DefaultHttpClientFilterResolver(null, null, List.of()), List.of(), null, ssl,
                MediaTypeCodecRegistry.of(), bodies, WebSocketBeanRegistry.EMPTY,
                new DefaultRequestBinderRegistry(ConversionService.SHARED), loop.group(), NioSocketChannel::new,
                NioDatagramChannel::new, NO_CUSTOMIZER, null, ConversionService.SHARED, null);
    }

    String label() {
        return label;
    }

    Optional<HostTrust> trust() {
        return Optional.ofNullable(trust);
    }

    /** POSTs one body and waits for the reply, no longer than the host's deadline. */
    Response post(byte[] body, String contentType, String authorization) {
        long remaining = deadline.remainingMillis();
        if (remaining <= 0) {
            throw deadline.exceeded(label);
        }
        MutableHttpRequest<byte[]> request = HttpRequest.POST(endpoint, body)
                .header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<byte[]>> reply = new CompletableFuture<>();
        client.exchange(request, Argument.of(byte[].class), Argument.of(byte[].class))
                .subscribe(new OneReply(reply));
        HttpResponse<byte[]> response;
        try {
            response = reply.get(remaining, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw deadline.exceeded(label);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsmanTransportException(Kind.TIMEOUT, label + ": interrupted while waiting for the reply");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
        byte[] bytes = response.getBody(byte[].class).orElse(new byte[0]);
        return new Response(response.code(), response.getHeaders().getAll("WWW-Authenticate"),
                response.getHeaders().get("Content-Type"), bytes);
    }

    /** Maps Micronaut/Netty/JDK failures to a kind and one line; the cause is kept for --debug. */
    WsmanTransportException failure(Throwable error) {
        if (trust != null && trust.rejection().isPresent() && has(error, SSLException.class)) {
            return new WsmanTransportException(Kind.TLS, trust.rejection().get(), error);
        }
        if (has(error, ContentLengthExceededException.class)) {
            return new WsmanTransportException(Kind.OVERSIZED, label + ": the reply exceeds " + maxContentLength
                    + " bytes (MaxEnvelopeSize plus margin); refused", error);
        }
        if (has(error, ReadTimeoutException.class)) {
            return new WsmanTransportException(Kind.TIMEOUT, label + ": connected, but no reply within "
                    + seconds(readTimeout) + " (read timeout; the host or its WinRM service is stalled)", error);
        }
        if (has(error, ConnectTimeoutException.class)) {
            return new WsmanTransportException(Kind.TIMEOUT, label + ": could not connect within the connect timeout"
                    + " (host down, or a firewall drops WinRM traffic)", error);
        }
        if (has(error, UnknownHostException.class)) {
            return new WsmanTransportException(Kind.UNREACHABLE, label + ": unknown host (DNS name not found)", error);
        }
        if (has(error, NoRouteToHostException.class)) {
            return new WsmanTransportException(Kind.UNREACHABLE, label + ": no route to host", error);
        }
        if (has(error, ConnectException.class)) {
            return new WsmanTransportException(Kind.REFUSED, label + ": connection refused (WinRM not listening on"
                    + " this port, service stopped, or a firewall rejects it)", error);
        }
        if (has(error, SSLException.class)) {
            return new WsmanTransportException(Kind.TLS, label + ": TLS handshake failed: " + innermost(error), error);
        }
        if (has(error, ResponseClosedException.class) || has(error, ClosedChannelException.class)
                || has(error, SocketException.class) || has(error, IOException.class)) {
            return new WsmanTransportException(Kind.RESET, label + ": the connection was closed or reset before a"
                    + " complete reply (" + innermost(error) + ")", error);
        }
        return new WsmanTransportException(Kind.PROTOCOL, label + ": HTTP failure: " + innermost(error), error);
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String innermost(Throwable error) {
        String text = error.getClass().getSimpleName();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = t.getMessage();
            }
        }
        return text.replaceAll("\\s+", " ").strip();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        client.close();
    }

    /** Takes the first (only) response of the exchange publisher. */
    private static final class OneReply implements Subscriber<HttpResponse<byte[]>> {
        private final CompletableFuture<HttpResponse<byte[]>> target;

        OneReply(CompletableFuture<HttpResponse<byte[]>> target) {
            this.target = target;
        }

        @Override
        public void onSubscribe(Subscription s) {
            // Cancelling the future (deadline) cancels the exchange, which discards the connection.
            target.whenComplete((r, e) -> {
                if (target.isCancelled()) {
                    s.cancel();
                }
            });
            s.request(1);
        }

        @Override
        public void onNext(HttpResponse<byte[]> response) {
            target.complete(response);
        }

        @Override
        public void onError(Throwable t) {
            target.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            target.completeExceptionally(new ResponseClosedException("no response"));
        }
    }
}
