package io.tlsready.app.rest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token subcommands and the first start on the real store: a SQLite file in the data directory, opened anew by
 * every command as separate runs of the tool would.
 */
class SqliteServeTest {

    @TempDir
    Path tmp;

    private final ServeRun runs = ServeRun.onSqlite();
    private final HttpClient http = HttpClient.newHttpClient();

    private ServeRun.Result token(Path data, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "token";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = data.toString();
        return runs.run(all);
    }

    private int status(URI base, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void tokens_made_listed_and_revoked_by_separate_commands_live_in_the_sqlite_file() {
        Path data = tmp.resolve("data");

        ServeRun.Result made = token(data, "create", "--name", "grafana", "--role", "reader");
        assertThat(made.exitCode()).as(made.err()).isZero();
        String secret = made.out().strip();
        assertThat(token(data, "create", "--name", "ops", "--role", "operator").exitCode()).isZero();
        assertThat(token(data, "revoke", "ops").exitCode()).isZero();
        ServeRun.Result list = token(data, "list");

        assertThat(data.resolve("tlsready.db")).isRegularFile();
        assertThat(list.out().lines()).hasSize(3);
        assertThat(list.out()).contains("grafana", "reader", "ops", "operator").doesNotContain(secret);
        assertThat(list.out().lines().filter(l -> l.contains("ops")).findFirst().orElseThrow()).doesNotEndWith("-");
        assertThat(token(data, "create", "--name", "ops", "--role", "reader").exitCode()).isEqualTo(2);
        assertThat(token(data, "revoke", "nobody").exitCode()).isEqualTo(2);
    }

    @Test
    void the_initial_token_is_made_once_and_still_works_after_a_restart() throws Exception {
        Path data = tmp.resolve("data");
        String secret;
        try (ServeRun.Serving s = runs.serve("--listen", "127.0.0.1:0", "--data", data.toString())) {
            URI uri = s.uri();
            secret = Files.readString(data.resolve("initial-token")).strip();
            assertThat(Files.getPosixFilePermissions(data.resolve("initial-token")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(s.err()).containsOnlyOnce(secret);
            assertThat(status(uri, "api/v1/rules", secret)).isEqualTo(200);
        }

        try (ServeRun.Serving again = runs.serve("--listen", "127.0.0.1:0", "--data", data.toString())) {
            assertThat(status(again.uri(), "api/v1/rules", secret)).isEqualTo(200);
            assertThat(again.err()).doesNotContain(secret, "first start");
        }
        assertThat(token(data, "list").out()).contains("initial", "operator");
    }
}
