package io.tlsready.app.rest.scans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Module;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.access.TokenSecret;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.testing.InMemoryStore;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.FaultKind;
import io.tlsready.sim.HostSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the scan tests share: evidence for simulated hosts (from the example sets), a credentials file, a server on
 * loopback with the in-memory store, and plain HTTP against it.
 */
public final class ScanFixtures {

    public static final String USER = "scan-auditor";
    public static final String PASSWORD = "scan-Pass-" + System.nanoTime();
    static final ObjectMapper JSON = new ObjectMapper();
    /** The operator token every request of these tests carries; {@link #issueToken} puts it in a store. */
    static final String TOKEN = TokenSecret.generate();

    private static HostFacts ready;
    private static HostFacts notReady;

    private ScanFixtures() {
    }

    public static synchronized HostFacts ready() {
        if (ready == null) {
            ready = EvidenceFacts.load(RestFixtures.exampleFiles("2008r2-ready"));
        }
        return ready;
    }

    public static synchronized HostFacts notReady() {
        if (notReady == null) {
            notReady = EvidenceFacts.load(RestFixtures.exampleFiles("2008r2-not-ready"));
        }
        return notReady;
    }

    /** A simulated NTLM host on {@code 127.0.subnet.n}, named by its address (so its report is kept under it). */
    public static HostSpec host(int subnet, int n, HostFacts facts) {
        String address = "127.0." + subnet + "." + n;
        return HostSpec.of(address, address, 0, HostSpec.Auth.NTLM, USER, PASSWORD.toCharArray(),
                EvidenceFacts.renamed(facts, address));
    }

    public static HostSpec refused(int subnet, int n) {
        return host(subnet, n, ready()).withFault(FaultKind.REFUSED);
    }

    /** A credentials file (mode 600) with one profile "sim" for the simulated hosts over http + NTLM. */
    public static Path credentials(Path dir) throws IOException {
        return credentials(dir, USER, PASSWORD);
    }

    /** The same with the simulated hosts' own account (every test that runs a service names its own). */
    public static Path credentials(Path dir, String user, String password) throws IOException {
        Path file = dir.resolve("credentials.json");
        Files.writeString(file, "{\"profiles\": {\"sim\": {\"user\": \"" + user + "\", \"password\": \"" + password
                + "\", \"auth\": \"ntlm\", \"transport\": \"http\", \"timeoutSeconds\": 60}}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The four storage ports answered by one in-memory store (a testing module, as StorageModule will bind them). */
    static Module storage(InMemoryStore store) {
        return binder -> {
            binder.bind(ReportHistory.class).toInstance(store);
            binder.bind(ScanQueue.class).toInstance(store);
            binder.bind(AccessTokens.class).toInstance(store);
            binder.bind(ActivityLog.class).toInstance(store);
        };
    }

    /** Puts {@link #TOKEN} into {@code tokens} as an operator token (once per store). */
    static void issueToken(AccessTokens tokens) {
        if (tokens.active(TokenSecret.hash(TOKEN)).isEmpty()) {
            tokens.add(new AccessToken(TokenSecret.newId(), "scan-tests", Role.OPERATOR, TokenSecret.hash(TOKEN),
                    Instant.now(), Optional.empty()));
        }
    }

    public static TlsReadyServer server(InMemoryStore store, Path credentials, Duration lease) {
        issueToken(store);
        return TlsReadyServer.builder().port(0).storage(storage(store))
                .credentials(CredentialProfiles.load(credentials)).scanLease(lease).build();
    }

    static HttpResponse<String> get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    static HttpResponse<String> delete(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    static HttpResponse<String> post(URI base, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** {"hosts": [...], "profile": "sim"} */
    static String hostsBody(List<String> hosts) {
        return JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("hosts",
                JSON.valueToTree(hosts)).put("profile", "sim").toString();
    }

    static String inventoryBody(String inventory, String profile) {
        return JSON.createObjectNode().put("inventory", inventory).put("profile", profile).toString();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Polls the scan until {@code until} holds (the test's @Timeout guards against a hang). */
    static JsonNode await(URI base, String location, Predicate<JsonNode> until) throws InterruptedException {
        while (true) {
            JsonNode scan = json(get(base, location));
            if (until.test(scan)) {
                return scan;
            }
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + TOKEN);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
