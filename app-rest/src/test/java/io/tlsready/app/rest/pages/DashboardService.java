package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.app.rest.ServeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code tlsready serve} for the dashboard's browser tests: the packaged jar plus target/lib in a process of its own
 * ({@link ServeProcess}), on SQLite in a data directory of the test, with one credential profile "sim" for the
 * simulated hosts; the initial token read from the data directory; the JSON API with that token as a bearer, to
 * compare what the pages show with what the API answers. Closing it kills the process.
 */
final class DashboardService implements AutoCloseable {

    static final String USER = "dash-auditor";
    static final String PASSWORD = "dash-Pass-" + System.nanoTime();
    static final String SESSION_COOKIE = "tlsready_session";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServeProcess process;
    private final URI uri;
    private final String token;

    private DashboardService(ServeProcess process, URI uri, String token) {
        this.process = process;
        this.uri = uri;
        this.token = token;
    }

    /** Starts serve on {@code data} (seeded before, or empty) with the profile "sim", and waits until it listens. */
    static DashboardService start(Path work, Path data) throws Exception {
        Path credentials = credentials(work);
        ServeProcess p = ServeProcess.start(work, null, "--listen", "127.0.0.1:" + freePort(), "--data",
                data.toString(), "--credentials", credentials.toString());
        try {
            URI uri = p.uri();
            String token = Files.readString(data.resolve("initial-token")).strip();
            return new DashboardService(p, uri, token);
        } catch (Exception | AssertionError e) {
            p.kill();
            throw e;
        }
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234/}. */
    URI uri() {
        return uri;
    }

    /** An absolute URL of a page or API path ({@code "/hosts?failing=X"}). */
    String url(String path) {
        return uri.resolve(path).toString();
    }

    /** The operator token `serve` made at its first start (data/initial-token). */
    String token() {
        return token;
    }

    String log() throws IOException {
        return process.err();
    }

    /** GET of a JSON API path with the bearer token; asserts 200. */
    JsonNode api(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri.resolve(path)).header("Authorization",
                "Bearer " + token).GET());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r.body(), e);
        }
    }

    /** POST of a multipart body to an API path with the bearer token; the answer as is. */
    HttpResponse<String> apiPost(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GET of a page with only a session cookie (no redirects followed). */
    HttpResponse<String> pageWithCookie(String path, String sessionId) {
        return send(HttpRequest.newBuilder(uri.resolve(path)).header("Cookie", SESSION_COOKIE + "=" + sessionId)
                .GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A credentials file (mode 600) with one profile "sim" for the simulated hosts over http + NTLM. */
    static Path credentials(Path dir) throws IOException {
        return io.tlsready.app.rest.scans.ScanFixtures.credentials(dir, USER, PASSWORD);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.kill();
    }
}
