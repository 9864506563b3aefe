package io.tlsready.app.rest;

import static io.tlsready.app.rest.RestApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.adapters.windows.offline.OfflineEvidenceModule;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.output.HtmlText;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.scan.LeasedTarget;
import io.tlsready.domain.scan.Scan;
import io.tlsready.domain.scan.ScanRequest;
import io.tlsready.domain.scan.ScanTarget;
import io.tlsready.domain.testing.InMemoryStore;
import io.tlsready.formats.ReportFormat;
import io.tlsready.formats.ReportRenderer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code GET /api/v1/scans/{id}/report}: a scan made directly through the ScanQueue port (create, lease, complete),
 * its reports fetched in every format over real HTTP, each parsed by a reader of that format and compared with the
 * document the CLI's renderers write for the same hosts.
 */
class ScanReportApiTest {

    /** Quotes, markup, a slash, percent-encoding, a formula start and non-Latin script: data, every one. */
    static final String HOSTILE = "=\"<b>x</b>'/a%2F&amp;中文é";

    private static final InMemoryStore STORE = new InMemoryStore();

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback().withStore(STORE);

    private static String scanId;
    private static List<HostReport> hosts;

    @BeforeAll
    static void a_scan_with_two_hosts_done_and_one_still_running() throws IOException {
        HostReport mabs = audit("2008r2-not-ready");
        HostReport refused = AuditService.failed(HOSTILE, "winrm", "connection refused by <" + HOSTILE + ">");
        List<ScanTarget> targets = List.of(ScanTarget.named("mabs01"), ScanTarget.named(HOSTILE),
                ScanTarget.named("still-running"));
        // now, and held for an hour: the server's own scan worker must not take "still-running" over an expired lease
        Instant now = Instant.now();
        Scan scan = STORE.create(new ScanRequest(targets, "lab", "tester"), now);
        List<LeasedTarget> leased = STORE.lease("test-instance", 10, now, Duration.ofHours(1));
        // finished out of order: the report still lists hosts in target order
        STORE.complete(leased.get(1), refused, now.plusSeconds(1)).orElseThrow();
        STORE.complete(leased.get(0), mabs, now.plusSeconds(2)).orElseThrow();
        scanId = scan.id();
        hosts = List.of(mabs, refused);
    }

    private static HostReport audit(String set) {
        OfflineEvidence evidence = StrictGuice.createInjector(new OfflineEvidenceModule())
                .getInstance(OfflineEvidence.class);
        return new AuditService(RuleBook.standard()).audit(evidence.open(RestFixtures.exampleFiles(set)));
    }

    private static HttpResponse<byte[]> fetch(RestClient client, String format) {
        String query = format == null ? "" : "?format=" + format;
        HttpClientBytes bytes = new HttpClientBytes(client);
        return bytes.get("/api/v1/scans/" + scanId + "/report" + query);
    }

    /** The document the CLI's renderer writes for the scan's hosts, stamped like the answer. */
    private static byte[] expected(ReportFormat format, String version, String generatedAt) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.renderer().render(new AuditReport(hosts, version, generatedAt), new ReportRenderer.Options(false, false),
                out);
        return out.toByteArray();
    }

    @Test
    void json_is_the_report_document_of_the_finished_hosts_in_target_order(RestClient client) throws IOException {
        HttpResponse<byte[]> r = fetch(client, "json");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode doc = json(text(r));
        assertThat(doc.get("schema").asText()).isEqualTo("tlsready.report/v1");
        assertThat(doc.get("hosts")).hasSize(2);
        assertThat(doc.get("hosts").get(0).get("host").asText()).isEqualTo("MABS01");
        assertThat(doc.get("hosts").get(1).get("host").asText()).isEqualTo(HOSTILE);
        assertThat(doc.get("hosts").get(1).get("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(r.body()).as("the CLI's bytes").isEqualTo(expected(ReportFormat.JSON, doc.get("tool").get("version").asText(),
                doc.get("generatedAt").asText()));
        assertThat(fetch(client, null).statusCode()).as("json when no format is asked for").isEqualTo(200);
        assertThat(json(text(fetch(client, null))).get("schema").asText()).isEqualTo("tlsready.report/v1");
    }

    @Test
    void csv_has_a_row_per_finding_and_carries_the_hostile_name_as_a_cell(RestClient client) throws IOException {
        HttpResponse<byte[]> r = fetch(client, "csv");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("text/csv;charset=utf-8");
        assertThat(r.body()).as("the CLI's bytes").isEqualTo(expected(ReportFormat.CSV, "unused", "unused"));
        List<List<String>> rows = csv(text(r).substring(1)); // after the BOM
        assertThat(rows.get(0)).startsWith("host", "os", "verdict", "rule");
        assertThat(rows).hasSize(1 + hosts.get(0).findings().size() + 1);
        assertThat(rows.get(1).get(0)).isEqualTo("MABS01");
        // a cell a spreadsheet would run as a formula is prefixed with '
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("'" + HOSTILE);
        assertThat(rows.stream().map(List::size).distinct()).containsExactly(rows.get(0).size());
    }

    @Test
    void junit_is_well_formed_xml_with_a_suite_per_host(RestClient client) throws Exception {
        HttpResponse<byte[]> r = fetch(client, "junit");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(r.body()).as("the CLI's bytes").isEqualTo(expected(ReportFormat.JUNIT, "unused", "unused"));
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setExpandEntityReferences(false);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("MABS01");
        assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo(HOSTILE);
    }

    @Test
    void sarif_is_json_version_2_1_0(RestClient client) throws IOException {
        HttpResponse<byte[]> r = fetch(client, "sarif");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/sarif+json"));
        JsonNode sarif = json(text(r));
        assertThat(text(r)).isEqualTo(new String(expected(ReportFormat.SARIF,
                sarif.get("runs").get(0).get("tool").get("driver").get("version").asText(), "unused"),
                StandardCharsets.UTF_8));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        List<String> hostsNamed = new ArrayList<>();
        sarif.get("runs").get(0).get("results").forEach(res -> hostsNamed.add(
                res.get("locations").get(0).get("logicalLocations").get(0).get("name").asText()));
        assertThat(hostsNamed).contains("MABS01", HOSTILE);
    }

    @Test
    void html_shows_the_hosts_escaped_never_as_markup(RestClient client) throws IOException {
        HttpResponse<byte[]> r = fetch(client, "html");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("text/html;charset=utf-8");
        String html = text(r);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("MABS01").contains(HtmlText.escape(HOSTILE))
                .doesNotContain("<b>x</b>");
        String generatedAt = html.replaceAll("(?s).*<p><small>tlsready [^,]*, ([^<]*)</small>.*", "$1");
        String version = html.replaceAll("(?s).*<p><small>tlsready ([^,]*),.*", "$1");
        assertThat(r.body()).as("the CLI's bytes").isEqualTo(expected(ReportFormat.HTML, version, generatedAt));
    }

    @Test
    void an_unknown_format_is_a_400_naming_the_valid_ones(RestClient client) {
        HttpResponse<String> r = client.outsideContract().get("/api/v1/scans/" + scanId + "/report?format=pdf");

        assertProblem(r, 400, "Bad Request");
        assertThat(RestClient.json(r).get("detail").asText())
                .isEqualTo("query parameter 'format' must be one of json, csv, html, junit, sarif");
    }

    @Test
    void an_unknown_scan_is_a_404_problem(RestClient client) {
        assertProblem(client.get("/api/v1/scans/00000000-0000-0000-0000-000000000000/report?format=csv"), 404,
                "Not Found");
        assertProblem(client.get("/api/v1/scans/%3Cscript%3E/report"), 404, "Not Found");
    }

    /** The media type as sent, without spaces and in lower case (Jetty writes "text/html;charset=utf-8"). */
    private static String contentType(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** RFC 4180 as the renderer writes it: quoted cells may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    /** GET with the body as bytes (CSV and HTML are compared byte for byte). */
    private record HttpClientBytes(RestClient client) {

        HttpResponse<byte[]> get(String path) {
            try {
                return java.net.http.HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(client.base().resolve(path)).header("Authorization", "Bearer " + client.token())
                                .GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
