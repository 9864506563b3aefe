import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.inject.Guice;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.ReportDocument;
import io.tlsready.domain.rules.book.RuleBook;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of bench/rest.sh, run as a source file on the service's class path:
 *
 * <pre>
 *   java -cp "app-rest/target/tlsready-app-rest.jar:app-rest/target/lib/*" bench/RestLoad.java \
 *       inproc CLIENTS SECONDS FILE...            # the audit alone: read the evidence, audit, write the JSON document
 *   ... bench/RestLoad.java http BASE_URL TOKEN_FILE CLIENTS SECONDS FILE...   # POST /api/v1/audits, multipart
 * </pre>
 *
 * CLIENTS threads each do one audit after another for SECONDS (after a warm-up of the same length in the same
 * JVM); one line out: {@code clients=8 audits=1234 seconds=10.0 rate=123.4 p50=5.1 p99=20.3 statuses={200=1234}}.
 */
public final class RestLoad {

    interface Audit {
        int run() throws Exception; // an HTTP status (200 in process)
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Audit audit;
        int clients;
        double seconds;
        List<Path> files;
        if (mode.equals("inproc")) {
            clients = Integer.parseInt(args[1]);
            seconds = Double.parseDouble(args[2]);
            files = paths(args, 3);
            OfflineEvidence evidence = Guice.createInjector(new OfflineEvidenceModule()).getInstance(OfflineEvidence.class);
            AuditService audits = new AuditService(RuleBook.standard());
            JsonMapper json = JsonMapper.builder().build();
            audit = () -> {
                HostReport host = audits.audit(evidence.open(files));
                AuditReport report = new AuditReport(List.of(host), "bench", Instant.now().toString());
                json.writeValueAsBytes(ReportDocument.of(report));
                return 200;
            };
        } else {
            URI uri = URI.create(args[1]).resolve("api/v1/audits");
            String token = Files.readString(Path.of(args[2])).strip();
            clients = Integer.parseInt(args[3]);
            seconds = Double.parseDouble(args[4]);
            files = paths(args, 5);
            String boundary = "tlsready-bench-" + Long.toHexString(System.nanoTime());
            byte[] body = multipart(boundary, files);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            audit = () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        run(audit, clients, seconds); // warm-up: JIT, connection pools
        System.out.println(run(audit, clients, seconds));
    }

    private static List<Path> paths(String[] args, int from) {
        return Arrays.stream(args, from, args.length).map(Path::of).toList();
    }

    private static byte[] multipart(String boundary, List<Path> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path f : files) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\""
                    + f.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(Files.readAllBytes(f));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String run(Audit audit, int clients, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<long[]> latencies = new ArrayList<>();
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            int slot = c;
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < mine.length - 1) {
                    long s = System.nanoTime();
                    String status;
                    try {
                        status = Integer.toString(audit.run());
                    } catch (Exception e) {
                        status = e.getClass().getSimpleName();
                    }
                    mine[++n] = System.nanoTime() - s;
                    statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                }
                mine[0] = n;
                done.countDown();
            }, "client-" + slot);
            t.start();
        }
        done.await();
        double wall = (System.nanoTime() - t0) / 1e9;
        long count = latencies.stream().mapToLong(l -> l[0]).sum();
        long[] all = new long[(int) count];
        int i = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 1, all, i, (int) l[0]);
            i += (int) l[0];
        }
        Arrays.sort(all);
        return String.format(java.util.Locale.ROOT, "clients=%d audits=%d seconds=%.1f rate=%.1f p50=%.1f p99=%.1f statuses=%s",
                clients, count, wall, count / wall, pct(all, 0.50), pct(all, 0.99), new TreeMap<>(statuses));
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
