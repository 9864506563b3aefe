package io.tlsready.app.rest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.app.rest.ServeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlsready serve} as the launcher runs it: the packaged jar plus target/lib in a process of its own, stopped
 * with SIGTERM, started again on the same data directory. Runs under Failsafe, after packaging.
 */
class PackagedServeIT {

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ServeProcess> started = new ArrayList<>();

    private ServeProcess serve(String... args) throws IOException {
        ServeProcess p = ServeProcess.start(tmp, null, args);
        started.add(p);
        return p;
    }

    @AfterEach
    void noServiceIsLeftRunning() {
        started.forEach(ServeProcess::kill);
    }

    private HttpResponse<String> get(URI base, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serve_starts_makes_the_initial_token_stops_on_sigterm_and_keeps_its_data_across_a_restart() throws Exception {
        Path data = tmp.resolve("data");
        ServeProcess first = serve("--listen", "127.0.0.1:0", "--data", data.toString());
        URI uri = first.uri();

        Path tokenFile = data.resolve("initial-token");
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = Files.readString(tokenFile).strip();
        assertThat(token).startsWith("tlsr_");
        assertThat(first.err()).containsOnlyOnce(token).contains("saved in " + tokenFile);
        assertThat(get(uri, "healthz", null).body()).isEqualTo("{\"status\":\"ok\"}");
        HttpResponse<String> rules = get(uri, "api/v1/rules", token);
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        assertThat(rules.body()).contains("\"id\"");

        assertThat(first.terminate()).as("exit code after SIGTERM (128 + 15)\n%s", first.err()).isEqualTo(143);
        assertThat(first.err()).contains("tlsready serve stopped").doesNotContain("Exception");

        ServeProcess second = serve("--listen", "127.0.0.1:0", "--data", data.toString());
        URI again = second.uri();
        assertThat(get(again, "api/v1/rules", token).statusCode()).isEqualTo(200);
        assertThat(second.err()).doesNotContain(token).doesNotContain("first start");
        assertThat(Files.readString(tokenFile).strip()).isEqualTo(token);
        assertThat(second.terminate()).isEqualTo(143);
    }

    @Test
    void a_port_in_use_ends_the_process_with_exit_code_3() throws Exception {
        ServeProcess first = serve("--listen", "127.0.0.1:0", "--data", tmp.resolve("a").toString());
        URI uri = first.uri();

        ServeProcess second = serve("--listen", "127.0.0.1:" + uri.getPort(), "--data", tmp.resolve("b").toString());

        assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
        assertThat(second.err()).contains("tlsready serve: cannot listen on 127.0.0.1:" + uri.getPort());
        first.terminate();
    }
}
