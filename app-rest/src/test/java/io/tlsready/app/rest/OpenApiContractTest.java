package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The validator is not vacuous: a real report (from a real audit over HTTP) and hand-written scans and pages pass,
 * and each one broken in one way (a required member gone, a name outside its enum, a stray member, a wrong type, an
 * undocumented status, path, query parameter or media type, a missing header) is rejected, naming what is wrong.
 */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.standard();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = "/components/schemas/Report";
    private static final String SCAN = "/components/schemas/Scan";
    private static final String NONE = "";
    private static final Function<String, Optional<String>> NO_HEADERS = h -> Optional.empty();

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback();

    private static JsonNode report;

    @BeforeAll
    static void audit_one_host() {
        Multipart body = new Multipart()
                .file("evidence", "schannel.reg", RestFixtures.schannelWithoutTls12Client())
                .file("evidence", "systeminfo.txt", RestFixtures.systeminfo());
        HttpResponse<String> r = API.client().post("/api/v1/audits", body.contentType(), body.build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        report = RestClient.json(r);
    }

    @Test
    void a_real_report_passes_and_has_a_finding_with_a_remediation() {
        assertThat(CONTRACT.validate(REPORT, report)).isEmpty();
        assertThat(report.toString()).contains("\"remediation\":{"); // the nested schemas are exercised too
    }

    @Test
    void a_report_without_a_required_member_is_rejected() {
        ObjectNode broken = report.deepCopy();
        ((ObjectNode) broken.path("hosts").get(0)).remove("verdict");

        assertThat(CONTRACT.validate(REPORT, broken)).singleElement().asString().contains("verdict");
    }

    @Test
    void a_verdict_or_status_outside_its_enum_is_rejected() {
        ObjectNode broken = report.deepCopy();
        ((ObjectNode) broken.path("hosts").get(0)).put("verdict", "MAYBE");
        ((ObjectNode) broken.path("hosts").get(0).path("findings").get(0)).put("status", "pass");

        List<String> errors = CONTRACT.validate(REPORT, broken);

        assertThat(errors).hasSize(2);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("verdict"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("status"));
    }

    @Test
    void a_stray_member_is_rejected_at_any_depth() {
        ObjectNode top = report.deepCopy();
        top.put("extra", 1);
        ObjectNode deep = report.deepCopy();
        ((ObjectNode) deep.path("hosts").get(0).path("os")).put("kernel", "6.1");

        assertThat(CONTRACT.validate(REPORT, top)).singleElement().asString().contains("extra");
        assertThat(CONTRACT.validate(REPORT, deep)).singleElement().asString().contains("kernel");
    }

    @Test
    void null_is_allowed_only_where_the_report_says_so() {
        ObjectNode errorNull = report.deepCopy();
        ((ObjectNode) errorNull.path("hosts").get(0)).putNull("error");
        ObjectNode hostNull = report.deepCopy();
        ((ObjectNode) hostNull.path("hosts").get(0)).putNull("host");

        assertThat(CONTRACT.validate(REPORT, errorNull)).isEmpty();
        assertThat(CONTRACT.validate(REPORT, hostNull)).singleElement().asString().contains("host");
    }

    @Test
    void a_scan_passes_and_each_broken_scan_is_rejected() throws Exception {
        ObjectNode scan = (ObjectNode) JSON.readTree("""
                {"id":"3f2b8c1e-9a4d-4e6f-8b1a-2c3d4e5f6a7b","profile":"lab","requestedBy":"ops","createdAt":"2026-12-07T14:00:00Z",
                 "state":"running","total":3,"done":1,"verdicts":{"READY":1,"NOT_READY":0,"UNKNOWN":0},"unreachable":0,
                 "finishedAt":null}""");
        assertThat(CONTRACT.validate(SCAN, scan)).isEmpty();

        assertThat(CONTRACT.validate(SCAN, scan.deepCopy().put("state", "RUNNING"))).isNotEmpty();
        assertThat(CONTRACT.validate(SCAN, scan.deepCopy().put("createdAt", "2026-12-07 14:00"))).isNotEmpty();
        assertThat(CONTRACT.validate(SCAN, scan.deepCopy().put("finishedAt", 5))).isNotEmpty();
        ObjectNode noUnknown = scan.deepCopy();
        ((ObjectNode) noUnknown.path("verdicts")).remove("UNKNOWN");
        assertThat(CONTRACT.validate(SCAN, noUnknown)).singleElement().asString().contains("UNKNOWN");
    }

    @Test
    void a_scan_request_names_exactly_one_of_hosts_and_inventory() {
        String post = "POST";
        String path = "/api/v1/scans";
        String json = "application/json";

        assertThat(CONTRACT.checkRequest(post, path, null, json, bytes("{\"hosts\":[\"srv1\",\"[::1]:5985\"],\"profile\":\"lab\"}")))
                .isEmpty();
        assertThat(CONTRACT.checkRequest(post, path, null, json, bytes("{\"inventory\":\"srv1\\n\",\"profile\":\"lab\"}")))
                .isEmpty();
        assertThat(CONTRACT.checkRequest(post, path, null, json,
                bytes("{\"hosts\":[\"srv1\"],\"inventory\":\"srv2\",\"profile\":\"lab\"}"))).isNotEmpty();
        assertThat(CONTRACT.checkRequest(post, path, null, json, bytes("{\"profile\":\"lab\"}"))).isNotEmpty();
        assertThat(CONTRACT.checkRequest(post, path, null, json, bytes("{\"hosts\":[\"srv1\"]}"))).isNotEmpty();
        assertThat(CONTRACT.checkRequest(post, path, null, "text/plain", bytes("srv1"))).isNotEmpty();
    }

    @Test
    void an_upload_without_evidence_parts_is_rejected_and_one_with_them_passes() {
        Multipart good = new Multipart().file("evidence", "a.reg", bytes("x")).file("evidence", "b.txt", bytes("y"));
        Multipart bad = new Multipart().field("comment", "no files");

        assertThat(CONTRACT.checkRequest("POST", "/api/v1/audits", null, good.contentType(), good.build())).isEmpty();
        assertThat(CONTRACT.checkRequest("POST", "/api/v1/audits", null, bad.contentType(), bad.build()))
                .anySatisfy(e -> assertThat(e).contains("evidence"));
    }

    @Test
    void query_and_path_parameters_are_checked() {
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts", "verdict=NOT_READY&failing=NETFX_VERSION&name=srv"
                + "&offset=0&limit=1000", null, new byte[0])).isEmpty();
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts", "limit=1001", null, new byte[0])).isNotEmpty();
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts", "limit=ten", null, new byte[0])).isNotEmpty();
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts", "verdict=ready", null, new byte[0])).isNotEmpty();
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts", "sort=failing&order=desc&cause=REFUSED", null,
                new byte[0])).isEmpty();
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts", "sort=NAME", null, new byte[0]))
                .singleElement().asString().contains("sort");
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts", "cause=refused", null, new byte[0]))
                .singleElement().asString().contains("cause");
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/fleet", "days=367", null, new byte[0]))
                .singleElement().asString().contains("days");
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/scans/abc/report", "format=pdf", null, new byte[0]))
                .isNotEmpty();
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts/SRV01/history", "limit=5", null, new byte[0]))
                .isEmpty();
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/hosts/a%2Fb%20c/history", null, null, new byte[0]))
                .isEmpty();
    }

    @Test
    void an_operation_the_document_lacks_is_rejected() {
        assertThat(CONTRACT.checkRequest("GET", "/api/v1/nothing", null, null, new byte[0])).isNotEmpty();
        assertThat(CONTRACT.checkRequest("PUT", "/api/v1/scans", null, null, new byte[0])).isNotEmpty();
        assertThat(CONTRACT.checkRequest("POST", "/api/v1/rules", null, null, new byte[0])).isNotEmpty();
    }

    @Test
    void an_answer_with_an_undocumented_status_media_type_or_missing_header_is_rejected() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"no token\",\"instance\":\"/api/v1/rules\"}";
        Function<String, Optional<String>> challenge = h -> h.equalsIgnoreCase("WWW-Authenticate")
                ? Optional.of("Bearer") : Optional.empty();

        assertThat(CONTRACT.checkResponse("GET", "/api/v1/rules", 401, Problem.CONTENT_TYPE, challenge, problem))
                .isEmpty();
        assertThat(CONTRACT.checkResponse("GET", "/api/v1/rules", 401, Problem.CONTENT_TYPE, NO_HEADERS, problem))
                .singleElement().asString().contains("WWW-Authenticate");
        assertThat(CONTRACT.checkResponse("GET", "/api/v1/rules", 401, "application/json", challenge, problem))
                .singleElement().asString().contains("application/json");
        assertThat(CONTRACT.checkResponse("GET", "/api/v1/rules", 418, Problem.CONTENT_TYPE, challenge, problem))
                .singleElement().asString().contains("418");
        assertThat(CONTRACT.checkResponse("GET", "/api/v1/rules", 200, "application/json", NO_HEADERS, "{}"))
                .isNotEmpty();
        assertThat(CONTRACT.checkResponse("POST", "/api/v1/scans", 202, "application/json", NO_HEADERS, NONE))
                .anySatisfy(e -> assertThat(e).contains("Location"));
    }

    @Test
    void head_is_answered_as_get_without_a_body() {
        assertThat(CONTRACT.checkRequest("HEAD", "/api/v1/hosts", "limit=5", null, new byte[0])).isEmpty();
        assertThat(CONTRACT.checkResponse("HEAD", "/api/v1/rules", 200, "application/json", NO_HEADERS, NONE))
                .isEmpty();
        assertThat(CONTRACT.checkResponse("HEAD", "/api/v1/rules", 201, "application/json", NO_HEADERS, NONE))
                .isNotEmpty();
        assertThat(CONTRACT.checkRequest("HEAD", "/api/v1/audits", null, null, new byte[0])).isNotEmpty();
    }

    @Test
    void outside_the_contract_the_answer_must_still_be_a_problem() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"no such resource\",\"instance\":\"/nowhere\"}";

        assertThat(CONTRACT.checkAnswerOutsideContract("GET", "/nowhere", 404, Problem.CONTENT_TYPE, NO_HEADERS,
                problem)).isEmpty();
        assertThat(CONTRACT.checkAnswerOutsideContract("GET", "/nowhere", 404, "text/html", NO_HEADERS, "<p>"))
                .isNotEmpty();
        assertThat(CONTRACT.checkAnswerOutsideContract("GET", "/nowhere", 200, "application/json", NO_HEADERS,
                "{}")).isNotEmpty();
        assertThat(CONTRACT.checkAnswerOutsideContract("GET", "/nowhere", 404, Problem.CONTENT_TYPE, NO_HEADERS,
                problem.replace("\"detail\":\"no such resource\",", ""))).singleElement().asString().contains("detail");
    }

    @Test
    void the_page_schemas_reject_a_limit_out_of_range_and_unknown_failing_rules() throws Exception {
        ObjectNode page = (ObjectNode) JSON.readTree("""
                {"items":[{"host":"SRV01","verdict":"NOT_READY","auditedAt":"2026-12-07T14:00:00.123Z",
                  "failing":["SCHANNEL_TLS12_CLIENT"],"reportId":7,"scanId":null,"error":null,"cause":null}],
                 "total":1,"offset":0,"limit":100}""");
        String schema = "/components/schemas/HostPage";
        assertThat(CONTRACT.validate(schema, page)).isEmpty();

        assertThat(CONTRACT.validate(schema, page.deepCopy().put("limit", 0))).isNotEmpty();
        ObjectNode unknownRule = page.deepCopy();
        ((ArrayNode) unknownRule.path("items").get(0).path("failing")).add("NO_SUCH_RULE");
        assertThat(CONTRACT.validate(schema, unknownRule)).isNotEmpty();
        ObjectNode noTotal = page.deepCopy();
        noTotal.remove("total");
        assertThat(CONTRACT.validate(schema, noTotal)).isNotEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
