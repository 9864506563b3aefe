package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Real HTTP over loopback against a started {@link TlsReadyServer}. Every request and answer is checked against the
 * API's OpenAPI contract ({@link ContractedExchange}); {@link #outsideContract()} is for deliberately broken requests.
 */
final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final boolean withinContract;

    RestClient(URI base) {
        this(base, null, true);
    }

    private RestClient(URI base, String token, boolean withinContract) {
        this.base = base;
        this.token = token;
        this.withinContract = withinContract;
    }

    /** The same server with {@code Authorization: Bearer token} on every request (null: none). */
    RestClient withToken(String bearerToken) {
        return new RestClient(base, bearerToken, withinContract);
    }

    /** The bearer token this client sends, or null (for tests that build their own requests). */
    String token() {
        return token;
    }

    /**
     * The same server, for requests outside the contract on purpose (a broken body, an unknown path or method): they
     * are sent unchecked, and the answer must still be one the contract documents or a valid problem document.
     */
    RestClient outsideContract() {
        return new RestClient(base, token, false);
    }

    /** The server's base URI, e.g. {@code http://127.0.0.1:41234/}. */
    URI base() {
        return base;
    }

    int port() {
        return base.getPort();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** Without a Content-Length: the body goes chunked, so only counting while reading can catch its size. */
    HttpResponse<String> postChunked(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        // A fresh client (and so a fresh connection) per request: after an error response sent before the body
        // was read, Jetty closes the connection, and a pooled client may race that close on its next POST,
        // which it never retries. Each test then sees exactly one request's behaviour.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        if (token != null && built.headers().firstValue("Authorization").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", "Bearer " + token)
                    .build();
        }
        if (withinContract) {
            ContractedExchange.checkRequest(built);
        }
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            ContractedExchange.checkAnswer(built, response, withinContract);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
