package io.tlsready.app.rest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlsready serve} as the launcher runs it: the packaged jar plus target/lib in a process of its own, stopped
 * with SIGTERM, started again on the same data directory. Runs under Failsafe, after packaging.
 */
class PackagedServeIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    /** A running service process: its stderr as it comes, and the address from its log line. */
    private static final class Service {
        final Process process;
        final StringBuffer err = new StringBuffer();
        final CompletableFuture<URI> listening = new CompletableFuture<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        Service(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        err.append(line).append('\n');
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            listening.complete(URI.create(m.group(1)));
                        }
                    }
                } catch (IOException e) {
                    // the process went away; what was read stays in err
                }
                listening.completeExceptionally(new AssertionError("serve ended without listening:\n" + err));
                ended.complete(null);
            }, "serve-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        URI uri() throws Exception {
            return listening.get(2, TimeUnit.MINUTES);
        }

        /** SIGTERM, then the exit code once it has stopped (and its stderr is read to the end). */
        int terminate() throws Exception {
            process.destroy();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("stopped after SIGTERM").isTrue();
            ended.get(1, TimeUnit.MINUTES);
            return process.exitValue();
        }
    }

    private Service serve(String... args) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                target.resolve("tlsready-app-rest.jar") + File.pathSeparator + target.resolve("lib") + File.separator
                        + "*",
                "io.tlsready.app.rest.serve.ServeMain", "serve"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).start();
        p.getOutputStream().close();
        started.add(p);
        return new Service(p);
    }

    @AfterEach
    void noServiceIsLeftRunning() {
        started.forEach(Process::destroyForcibly);
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
        Service first = serve("--listen", "127.0.0.1:0", "--data", data.toString());
        URI uri = first.uri();

        Path tokenFile = data.resolve("initial-token");
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = Files.readString(tokenFile).strip();
        assertThat(token).startsWith("tlsr_");
        assertThat(first.err.toString()).containsOnlyOnce(token).contains("saved in " + tokenFile);
        assertThat(get(uri, "healthz", null).body()).isEqualTo("{\"status\":\"ok\"}");
        HttpResponse<String> rules = get(uri, "api/v1/rules", token);
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        assertThat(rules.body()).contains("\"id\"");

        assertThat(first.terminate()).as("exit code after SIGTERM (128 + 15)\n%s", first.err).isEqualTo(143);
        assertThat(first.err.toString()).contains("tlsready serve stopped").doesNotContain("Exception");

        Service second = serve("--listen", "127.0.0.1:0", "--data", data.toString());
        URI again = second.uri();
        assertThat(get(again, "api/v1/rules", token).statusCode()).isEqualTo(200);
        assertThat(second.err.toString()).doesNotContain(token).doesNotContain("first start");
        assertThat(Files.readString(tokenFile).strip()).isEqualTo(token);
        assertThat(second.terminate()).isEqualTo(143);
    }

    @Test
    void a_port_in_use_ends_the_process_with_exit_code_3() throws Exception {
        Service first = serve("--listen", "127.0.0.1:0", "--data", tmp.resolve("a").toString());
        URI uri = first.uri();

        Service second = serve("--listen", "127.0.0.1:" + uri.getPort(), "--data", tmp.resolve("b").toString());

        assertThat(second.process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        second.ended.get(1, TimeUnit.MINUTES);
        assertThat(second.process.exitValue()).as(second.err.toString()).isEqualTo(3);
        assertThat(second.err.toString()).contains("tlsready serve: cannot listen on 127.0.0.1:" + uri.getPort());
        first.terminate();
    }
}
