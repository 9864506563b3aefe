package io.tlsready.app.rest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.access.AccessToken;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.access.TokenSecret;
import io.tlsready.domain.port.AccessTokens;
import io.tlsready.domain.port.ActivityLog;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.testing.InMemoryStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsready serve} started and stopped in this JVM: the data directory, the initial token, listening. */
class ServeRunTest {

    @TempDir
    Path tmp;

    private final ServeRun runs = new ServeRun();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI base, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_first_start_creates_one_operator_token_prints_it_once_and_saves_it_mode_600() throws Exception {
        Path data = tmp.resolve("nested/data");
        String secret;
        try (ServeRun.Serving s = runs.serve("--listen", "127.0.0.1:0", "--data", data.toString())) {
            assertThat(get(s.uri(), "healthz", null).body()).isEqualTo("{\"status\":\"ok\"}");
            Path file = data.resolve("initial-token");
            secret = Files.readString(file).strip();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(s.err()).containsOnlyOnce(secret).contains("saved in " + file + " (mode 600)");
            AccessToken token = runs.store(data).active(TokenSecret.hash(secret)).orElseThrow();
            assertThat(token.name()).isEqualTo("initial");
            assertThat(token.role()).isEqualTo(Role.OPERATOR);
            assertThat(get(s.uri(), "api/v1/rules", secret).statusCode()).isEqualTo(200);
            try (var files = Files.list(data)) {
                assertThat(files).as("no staged file left").containsExactly(file);
            }
        }
        assertThat(runs.store(data).all()).hasSize(1);
    }

    @Test
    void a_second_start_on_the_same_data_prints_no_token_and_keeps_the_first() throws Exception {
        Path data = tmp.resolve("data");
        try (ServeRun.Serving s = runs.serve("--listen", "127.0.0.1:0", "--data", data.toString())) {
            s.uri();
        }
        String first = Files.readString(data.resolve("initial-token"));

        try (ServeRun.Serving again = runs.serve("--listen", "127.0.0.1:0", "--data", data.toString())) {
            assertThat(get(again.uri(), "healthz", null).statusCode()).isEqualTo(200);
            assertThat(again.err()).doesNotContain("initial", TokenSecret.PREFIX);
        }
        assertThat(Files.readString(data.resolve("initial-token"))).isEqualTo(first);
        assertThat(runs.store(data).all()).hasSize(1);
    }

    @Test
    void a_store_that_already_has_tokens_gets_no_initial_token() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(runs.run("token", "create", "--name", "ops", "--role", "operator", "--data", data.toString())
                .exitCode()).isZero();

        try (ServeRun.Serving s = runs.serve("--listen", "127.0.0.1:0", "--data", data.toString())) {
            s.uri();
        }

        assertThat(data.resolve("initial-token")).doesNotExist();
    }

    @Test
    void stopping_returns_exit_code_0() throws Exception {
        ServeRun.Serving s = runs.serve("--listen", "127.0.0.1:0", "--data", tmp.toString());
        URI uri = s.uri();

        assertThat(s.stop().exitCode()).isZero();
        try (ServerSocket again = new ServerSocket(uri.getPort(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("port released").isEqualTo(uri.getPort());
        }
    }

    @Test
    void a_port_in_use_ends_with_exit_code_3_in_one_line() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServeRun.Result r = runs.run("--listen", "127.0.0.1:" + taken.getLocalPort(), "--data", tmp.toString());

            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err().lines().filter(l -> l.startsWith("tlsready serve: cannot listen")))
                    .singleElement().asString().contains("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void a_store_that_cannot_be_reached_ends_with_exit_code_3_naming_it_without_the_password() {
        InMemoryStore rest = new InMemoryStore();
        Storage unreachable = (data, url) -> binder -> {
            binder.bind(ReportHistory.class).toInstance(rest);
            binder.bind(ScanQueue.class).toInstance(rest);
            binder.bind(ActivityLog.class).toInstance(rest);
            binder.bind(AccessTokens.class).toProvider(() -> {
                    throw new IllegalStateException("cannot reach PostgreSQL at db.example:5433/tlsready: connection "
                            + "refused\n\tsecond line");
            });
        };
        java.io.StringWriter err = new java.io.StringWriter();

        int code = ServeMain.run(new String[] {"--data", tmp.toString(), "--db",
            "jdbc:postgresql://db.example:5433/tlsready?user=u&password=s3cret"}, new java.io.PrintWriter(
                new java.io.StringWriter()), new java.io.PrintWriter(err, true), unreachable,
                (uri, announce, stop) -> stop.run(), java.time.Clock.systemUTC());

        assertThat(code).isEqualTo(3);
        assertThat(err.toString().strip()).isEqualTo("tlsready serve: cannot reach PostgreSQL at "
                + "db.example:5433/tlsready: connection refused");
    }

    @Test
    void data_that_is_a_file_is_refused() throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "x");

        ServeRun.Result r = runs.run("--data", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--data " + file + ": exists and is not a directory");
    }
}
