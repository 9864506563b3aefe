package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.app.rest.Multipart;
import io.tlsready.app.rest.RestFixtures;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 40 clients upload 30 MB of evidence each at once to a server process (today: 21 answers 500 and 1.9 GB RSS):
 * every answer is 200, 413 or 503, never 500; then clients that hang up mid-upload leave no stack trace in the
 * server's log. The server's peak RSS is printed for the record, not asserted.
 */
class BulkUploadsIT {

    private static final int CLIENTS = 40;
    private static final int SIZE = 30 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void forty_concurrent_30_mb_uploads_get_no_500_and_aborted_clients_leave_no_stack_traces() throws Exception {
        Path log = dir.resolve("server.log");
        Process process = new ProcessBuilder(javaBin(), "-cp", classPath(),
                "-Dorg.slf4j.simpleLogger.log.io.tlsready.app.rest=debug", GuardTestServerMain.class.getName())
                .redirectError(log.toFile()).start();
        try {
            String[] first = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().split(" ");
            int port = Integer.parseInt(first[0]);
            String token = first[1];
            URI audits = URI.create("http://127.0.0.1:" + port + "/api/v1/audits");
            Multipart body = new Multipart()
                    .file("evidence", "schannel.reg", padded(RestFixtures.schannelWithoutTls12Client()))
                    .file("evidence", "systeminfo.txt", RestFixtures.systeminfo());
            byte[] bytes = body.build();

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < CLIENTS; i++) {
                calls.add(http.sendAsync(HttpRequest.newBuilder(audits).timeout(Duration.ofMinutes(3))
                        .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            Map<Integer, String> samples = new TreeMap<>();
            for (CompletableFuture<HttpResponse<String>> c : calls) {
                HttpResponse<String> r = c.get(5, TimeUnit.MINUTES);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                samples.putIfAbsent(r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            for (int i = 0; i < 5; i++) {
                abortMidUpload(port, token, bytes);
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            String rss = peakRss(process.pid());
            System.out.printf("bulk uploads: %d x %d MB in %d s -> %s; server peak RSS %s%n", CLIENTS,
                    bytes.length / (1024 * 1024), seconds, statuses, rss);

            assertThat(statuses.keySet()).as(samples.toString()).isSubsetOf(200, 413, 503);
            assertThat(statuses).containsKey(200);
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
        String serverLog = Files.readString(log);
        System.out.println(serverLog);
        assertThat(serverLog).as(serverLog).doesNotContain("\tat ").doesNotContain("ERROR");
    }

    /** The export padded with comment lines (which regedit skips) to about 30 MB. */
    private static byte[] padded(byte[] utf16Export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE + utf16Export.length);
        out.writeBytes(utf16Export);
        byte[] line = "; padding padding padding padding padding padding padding\r\n"
                .getBytes(StandardCharsets.UTF_16LE);
        while (out.size() < SIZE) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    /** Announces the whole body, sends a megabyte of it, and resets the connection. */
    private static void abortMidUpload(int port, String token, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoLinger(true, 0);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/audits HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 1024 * 1024);
            out.flush();
            Thread.sleep(200);
        }
    }

    private static String peakRss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip()).findFirst().orElse("?");
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
