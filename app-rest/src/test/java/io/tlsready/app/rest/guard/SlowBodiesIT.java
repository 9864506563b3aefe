package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 300 clients that announce an upload and trickle it a byte at a time (today enough to make /healthz time out):
 * /healthz still answers at once, the API answers (200 or a 503 to retry), and every trickler is dropped.
 */
class SlowBodiesIT {

    private static final int CLIENTS = 300;

    @Test
    void three_hundred_slow_bodies_do_not_take_healthz_down_and_are_all_dropped() throws Exception {
        try (GuardServer server = GuardServer.start(b -> b.queue(512, Duration.ofSeconds(3))
                .timeouts(Duration.ofSeconds(5), 1024))) {
            List<Socket> tricklers = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    s.getOutputStream().write(("POST /api/v1/audits HTTP/1.1\r\nHost: localhost:" + server.port()
                            + "\r\nAuthorization: Bearer " + server.operator + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    tricklers.add(s);
                }
                List<Long> healthMillis = new ArrayList<>();
                List<Integer> apiStatuses = new ArrayList<>();
                for (int round = 0; round < 8; round++) {
                    for (Socket s : tricklers) {
                        trickle(s);
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> health = server.get("/healthz", null);
                    healthMillis.add((System.nanoTime() - t0) / 1_000_000);
                    assertThat(health.statusCode()).isEqualTo(200);
                    apiStatuses.add(server.get("/api/v1/rules", server.reader).statusCode());
                    Thread.sleep(500);
                }
                Map<String, Integer> endings = new TreeMap<>();
                for (Socket s : tricklers) {
                    endings.merge(ending(s), 1, Integer::sum);
                }
                System.out.printf("slow bodies: /healthz took %s ms under %d tricklers; /api/v1/rules answered %s;"
                        + " tricklers ended as %s%n", healthMillis, CLIENTS, apiStatuses, endings);

                assertThat(apiStatuses).allMatch(st -> st == 200 || st == 503);
                assertThat(endings).doesNotContainKey("still held");
            } finally {
                for (Socket s : tricklers) {
                    s.close();
                }
            }
        }
    }

    /** One more byte of body, unless the server already hung up. */
    private static void trickle(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException e) {
            // dropped: what we want
        }
    }

    /** How the server ended this connection: its status line, closed, or (wrongly) still holding it. */
    private static String ending(Socket s) throws IOException {
        s.setSoTimeout(15_000);
        try {
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, head.length);
            return n == 0 ? "closed" : new String(head, 0, n, StandardCharsets.US_ASCII).strip();
        } catch (SocketTimeoutException e) {
            return "still held";
        } catch (SocketException e) {
            return "reset";
        }
    }
}
