package io.tlsready.app.rest.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tlsready.app.rest.Multipart;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.scan.ScanState;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} scraped and parsed as Prometheus text: what the guard counts and what other rooms feed. */
class MetricsTest {

    /** {@code name{labels} value}, the sample lines of the text format. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$",
            Pattern.MULTILINE);

    @Test
    void requests_are_counted_by_method_route_template_and_status_never_by_raw_path() {
        try (GuardServer server = GuardServer.start()) {
            server.get("/api/v1/rules", server.reader);
            server.get("/api/v1/rules", null);
            for (int i = 0; i < 20; i++) {
                server.get("/api/v1/hosts/host-" + i + "%22%3Cscript%3E", server.reader);
            }

            HttpResponse<String> r = server.get("/metrics", server.reader);
            Map<String, Double> samples = parse(r.body());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(samples.get("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/rules\","
                    + "status=\"200\"}")).isEqualTo(1.0);
            // refused before routing: counted by status, under the one label for requests no route handled
            assertThat(samples.get("http_server_requests_seconds_count{method=\"GET\",route=\"unrouted\","
                    + "status=\"401\"}")).isEqualTo(1.0);
            assertThat(samples.get("http_server_requests_seconds_count{method=\"GET\",route=\"unrouted\","
                    + "status=\"404\"}")).isEqualTo(20.0);
            assertThat(r.body()).doesNotContain("host-").doesNotContain("script");
        }
    }

    @Test
    void an_upload_feeds_the_audit_duration_histogram() {
        try (GuardServer server = GuardServer.start()) {
            Multipart body = new Multipart()
                    .file("evidence", "schannel.reg", RestFixtures.schannelWithoutTls12Client())
                    .file("evidence", "systeminfo.txt", RestFixtures.systeminfo());
            assertThat(server.post("/api/v1/audits", server.operator, body.contentType(), body.build())
                    .statusCode()).isEqualTo(200);

            Map<String, Double> samples = parse(server.get("/metrics", server.reader).body());

            assertThat(samples.get("tlsready_audit_seconds_count")).isEqualTo(1.0);
            assertThat(samples.keySet()).anyMatch(k -> k.startsWith("tlsready_audit_seconds_bucket{le="));
            assertThat(samples.get("tlsready_audit_seconds_bucket{le=\"+Inf\"}")).isEqualTo(1.0);
        }
    }

    @Test
    void scans_and_hosts_are_what_the_other_rooms_report() {
        ServiceMetrics metrics = new ServiceMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        metrics.scanStarted();
        metrics.scanStarted();
        metrics.scanFinished(ScanState.FINISHED);
        metrics.scansRunning(() -> 1);
        metrics.hostsByVerdict(v -> v == Verdict.READY ? 7 : v == Verdict.NOT_READY ? 3 : 0);
        metrics.auditTook(Duration.ofMillis(40));

        Map<String, Double> samples = parse(metrics.scrape());

        assertThat(samples).containsEntry("tlsready_scans_started_total", 2.0)
                .containsEntry("tlsready_scans_finished_total{state=\"finished\"}", 1.0)
                .containsEntry("tlsready_scans_finished_total{state=\"cancelled\"}", 0.0)
                .containsEntry("tlsready_scans_running", 1.0)
                .containsEntry("tlsready_hosts{verdict=\"READY\"}", 7.0)
                .containsEntry("tlsready_hosts{verdict=\"NOT_READY\"}", 3.0)
                .containsEntry("tlsready_hosts{verdict=\"UNKNOWN\"}", 0.0)
                .containsEntry("tlsready_audit_seconds_count", 1.0);
    }

    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            String labels = m.group(2) == null ? "" : m.group(2);
            samples.put(m.group(1) + labels, Double.parseDouble(m.group(3)));
        }
        return samples;
    }
}
