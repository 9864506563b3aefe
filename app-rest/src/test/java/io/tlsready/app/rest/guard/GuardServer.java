package io.tlsready.app.rest.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.app.rest.TestingStorage;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.access.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real server on loopback with in-memory storage, an operator and a reader token, and plain HTTP calls to it. */
final class GuardServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final TestingStorage storage = new TestingStorage();
    final String operator = storage.issue("ops", Role.OPERATOR);
    final String reader = storage.issue("grafana", Role.READER);
    private final TlsReadyServer server;
    final URI uri;

    private GuardServer(UnaryOperator<TlsReadyServer.Builder> settings) {
        this.server = settings.apply(TlsReadyServer.builder().port(0).storage(storage)).build();
        this.uri = server.start();
    }

    static GuardServer start() {
        return new GuardServer(b -> b);
    }

    static GuardServer start(UnaryOperator<TlsReadyServer.Builder> settings) {
        return new GuardServer(settings);
    }

    int port() {
        return uri.getPort();
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request written as is on a fresh socket; the whole answer as text (the server closes after it). */
    String raw(String request) {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
