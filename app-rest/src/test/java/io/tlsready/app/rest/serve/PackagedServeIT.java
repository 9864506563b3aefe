package io.tlsready.app.rest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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

    /**
     * A running service process. Its stderr goes to a file, read as it grows: a pipe read by a thread of this JVM
     * may lose its last lines when the process exits (the JDK closes the stream under the reader).
     */
    private static final class Service {
        final Process process;
        final Path log;

        Service(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        String err() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** The address from the "listening on" log line, once it is there. */
        URI uri() throws Exception {
            for (int i = 0; i < 1200; i++) {
                Matcher m = LISTENING.matcher(err());
                if (m.find()) {
                    return URI.create(m.group(1));
                }
                if (!process.isAlive()) {
                    throw new AssertionError("serve ended (exit " + process.exitValue() + ") without listening:\n"
                            + err());
                }
                Thread.sleep(100);
            }
            throw new AssertionError("serve did not listen within 2 minutes:\n" + err());
        }

        /** The exit code once it has ended. */
        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("ended").isTrue();
            return process.exitValue();
        }

        /** SIGTERM, then the exit code once it has stopped. */
        int terminate() throws InterruptedException {
            process.destroy();
            return exitCode();
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
        Path log = Files.createTempFile(tmp, "serve", ".log");
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectError(log.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        started.add(p);
        return new Service(p, log);
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
        assertThat(first.err()).containsOnlyOnce(token).contains("saved in " + tokenFile);
        assertThat(get(uri, "healthz", null).body()).isEqualTo("{\"status\":\"ok\"}");
        HttpResponse<String> rules = get(uri, "api/v1/rules", token);
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        assertThat(rules.body()).contains("\"id\"");

        assertThat(first.terminate()).as("exit code after SIGTERM (128 + 15)\n%s", first.err()).isEqualTo(143);
        assertThat(first.err()).contains("tlsready serve stopped").doesNotContain("Exception");

        Service second = serve("--listen", "127.0.0.1:0", "--data", data.toString());
        URI again = second.uri();
        assertThat(get(again, "api/v1/rules", token).statusCode()).isEqualTo(200);
        assertThat(second.err()).doesNotContain(token).doesNotContain("first start");
        assertThat(Files.readString(tokenFile).strip()).isEqualTo(token);
        assertThat(second.terminate()).isEqualTo(143);
    }

    @Test
    void a_port_in_use_ends_the_process_with_exit_code_3() throws Exception {
        Service first = serve("--listen", "127.0.0.1:0", "--data", tmp.resolve("a").toString());
        URI uri = first.uri();

        Service second = serve("--listen", "127.0.0.1:" + uri.getPort(), "--data", tmp.resolve("b").toString());

        assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
        assertThat(second.err()).contains("tlsready serve: cannot listen on 127.0.0.1:" + uri.getPort());
        first.terminate();
    }
}
