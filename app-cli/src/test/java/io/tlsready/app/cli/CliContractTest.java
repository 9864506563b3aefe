package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The CLI contract of design.md: exit codes, one-line errors, output formats, collect/audit round trip. */
class CliContractTest {

    private static final String NOT_READY = "2008r2-not-ready";

    @TempDir
    Path tmp;

    private static String[] args(String set, String... front) throws Exception {
        List<String> a = new ArrayList<>(List.of(front));
        a.addAll(Cli.snapshotArgs(set));
        return a.toArray(String[]::new);
    }

    @Test
    void garbage_input_is_exit_2_with_one_line_naming_the_file_and_no_stack_trace() throws Exception {
        Path junk = tmp.resolve("junk.bin");
        Files.write(junk, new byte[] {0x00, (byte) 0x9f, 0x13, 0x37, (byte) 0xff, 0x00, 0x42});
        Cli.Result r = Cli.run("audit", "--snapshot", junk.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("tlsready: ").contains("junk.bin").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_truncated_utf16_reg_export_is_exit_2_naming_the_file() throws Exception {
        byte[] whole = Files.readAllBytes(Cli.examples().resolve(NOT_READY).resolve("schannel.reg"));
        Path cut = tmp.resolve("cut.reg");
        Files.write(cut, java.util.Arrays.copyOf(whole, 45)); // odd length: half a UTF-16 code unit at the end
        Cli.Result r = Cli.run("audit", "--snapshot", cut.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cut.reg").doesNotContain("\tat ");
    }

    @Test
    void a_missing_file_is_exit_2_naming_it() {
        Cli.Result r = Cli.run("audit", "--snapshot", tmp.resolve("nope.reg").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.reg");
    }

    @Test
    void debug_shows_the_stack_trace() throws Exception {
        Path junk = tmp.resolve("junk.txt");
        Files.writeString(junk, "hello\n");
        Cli.Result r = Cli.run("audit", "--debug", "--snapshot", junk.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void unknown_options_are_usage_errors_with_exit_2() {
        Cli.Result r = Cli.run("audit", "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate");
    }

    @Test
    void a_misspelt_option_after_evidence_files_is_an_unknown_option_with_a_suggestion_not_a_missing_file() {
        String evidence = Cli.examples().resolve(NOT_READY).resolve("schannel.reg").toString();
        Cli.Result r = Cli.run("audit", "--snapshot", evidence, "--fromat", "json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).containsExactly("Unknown option: '--fromat'", "Possible solutions: --format");
    }

    @Test
    void an_unknown_option_like_no_other_points_to_the_help() {
        String evidence = Cli.examples().resolve(NOT_READY).resolve("schannel.reg").toString();
        Cli.Result r = Cli.run("audit", "--snapshot", evidence, "--zzzzzzzz");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).containsExactly("Unknown option: '--zzzzzzzz'",
                "Try 'tlsready audit --help' for the options.");
    }

    @Test
    void a_wrong_option_value_names_the_valid_ones_and_where_the_options_are_without_the_whole_usage() {
        String evidence = Cli.examples().resolve(NOT_READY).resolve("schannel.reg").toString();
        Cli.Result r = Cli.run("audit", "--snapshot", evidence, "-f", "xml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).containsExactly(
                "Invalid value for option '--format': expected one of [TEXT, JSON, CSV, HTML, JUNIT, SARIF, JSONL] "
                        + "(case-insensitive) but was 'xml'",
                "Try 'tlsready audit --help' for the options.");
    }

    @Test
    void two_targets_at_once_are_refused() throws Exception {
        Cli.Result r = Cli.run(args(NOT_READY, "audit", "--host", "srv1"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("choose one target");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void auditing_this_machine_off_windows_explains_itself() {
        Cli.Result r = Cli.run("audit");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("Windows").contains("--snapshot");
    }

    @Test
    void text_output_shows_verdict_evidence_and_fix_without_colour_when_not_a_terminal() throws Exception {
        Cli.Result r = Cli.run(args(NOT_READY, "audit"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("Verdict  NOT READY").contains("FAIL     SCHANNEL_TLS12_CLIENT")
                .contains("TLS 1.2\\Client\\Enabled").contains("ABSENT")
                .contains("fix      Enable the TLS 1.2 client protocol").doesNotContain("\u001b[");
        assertThat(Cli.run(args(NOT_READY, "audit", "--color", "always")).out()).contains("\u001b[1;31m");
    }

    @Test
    void csv_has_a_header_and_one_row_per_rule() throws Exception {
        Cli.Result r = Cli.run(args(NOT_READY, "audit", "--format", "csv"));
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).endsWith("host,os,verdict,rule,core,status,title,detail,evidence,remediation,reference");
        assertThat(lines).hasSize(16);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("MABS01,").contains(",SCHANNEL_TLS12_CLIENT,true,FAIL,"));
    }

    @Test
    void html_is_one_self_contained_file_with_the_fails_first() throws Exception {
        Path html = tmp.resolve("report.html");
        Cli.Result r = Cli.run(args(NOT_READY, "audit", "--format", "html", "--output", html.toString()));
        assertThat(r.exitCode()).isEqualTo(1);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<style>").contains("NOT_READY")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("<link");
        assertThat(page.indexOf("data-status=\"FAIL\"")).isPositive().isLessThan(page.indexOf("data-status=\"PASS\""));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void junit_has_one_testcase_per_rule_and_a_failure_per_fail() throws Exception {
        Cli.Result r = Cli.run(args(NOT_READY, "audit", "--format", "junit"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(15);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(4);
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("4");
    }

    @Test
    void sarif_reports_fails_as_errors() throws Exception {
        Cli.Result r = Cli.run(args(NOT_READY, "audit", "--format", "sarif"));
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode results = sarif.path("runs").get(0).path("results");
        long errors = 0;
        for (JsonNode res : results) {
            errors += res.path("level").asText().equals("error") ? 1 : 0;
        }
        assertThat(errors).isEqualTo(4);
    }

    @Test
    void collect_then_audit_of_the_snapshot_gives_the_same_findings() throws Exception {
        Path snap = tmp.resolve("host.json");
        Cli.Result c = Cli.run(args(NOT_READY, "collect", "--output", snap.toString()));
        assertThat(c.exitCode()).isEqualTo(0);
        Cli.Result fromRaw = Cli.run(args(NOT_READY, "audit", "--format", "json"));
        Cli.Result fromSnap = Cli.run("audit", "--format", "json", "--snapshot", snap.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(fromRaw.out()).path("hosts").get(0);
        JsonNode b = json.readTree(fromSnap.out()).path("hosts").get(0);
        assertThat(fromSnap.exitCode()).isEqualTo(fromRaw.exitCode());
        assertThat(b.path("verdict")).isEqualTo(a.path("verdict"));
        assertThat(b.path("os")).isEqualTo(a.path("os"));
        assertThat(b.path("host")).isEqualTo(a.path("host"));
        assertThat(b.path("findings").size()).isEqualTo(a.path("findings").size());
        for (int i = 0; i < a.path("findings").size(); i++) {
            JsonNode fa = a.path("findings").get(i);
            JsonNode fb = b.path("findings").get(i);
            assertThat(fb.path("status")).as(fa.path("rule").asText()).isEqualTo(fa.path("status"));
            assertThat(fb.path("detail")).as(fa.path("rule").asText()).isEqualTo(fa.path("detail"));
            assertThat(fb.path("remediation")).as(fa.path("rule").asText()).isEqualTo(fa.path("remediation"));
        }
    }

    @Test
    void plan_writes_a_utf16_reg_file_that_fixes_exactly_the_fails() throws Exception {
        Path reg = tmp.resolve("fix.reg");
        Cli.Result r = Cli.run(args(NOT_READY, "plan", "--format", "reg", "--output", reg.toString()));
        assertThat(r.exitCode()).as("a plan that was made exits 0 (issue 13)").isZero();
        byte[] bytes = Files.readAllBytes(reg);
        assertThat(bytes[0]).isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xFE);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n")
                .contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]")
                .contains("\"DisabledByDefault\"=dword:00000000")
                .contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319]")
                .contains("\"DefaultSecureProtocols\"=dword:00000a80")
                .doesNotContain("TLS 1.2\\Server"); // a WARN, fixed only with --include-warnings
        assertThat(text.lines().filter(l -> l.contains("=dword:")).count()).isEqualTo(8);

        // Applying the plan on top of the evidence turns every registry FAIL into PASS; only the update remains.
        List<String> withFix = new ArrayList<>(List.of(args(NOT_READY, "audit", "--format", "json")));
        withFix.add(reg.toString());
        JsonNode host = new ObjectMapper().readTree(Cli.run(withFix.toArray(String[]::new)).out()).path("hosts").get(0);
        java.util.Map<String, String> statuses = new java.util.HashMap<>();
        host.path("findings").forEach(f -> statuses.put(f.path("rule").asText(), f.path("status").asText()));
        assertThat(statuses).containsEntry("SCHANNEL_TLS12_CLIENT", "PASS")
                .containsEntry("WINHTTP_DEFAULT_SECURE_PROTOCOLS", "PASS")
                .containsEntry("NETFX_STRONG_CRYPTO", "PASS")
                .containsEntry("OS_TLS12_UPDATE", "FAIL");
    }

    @Test
    void plan_ps1_backs_up_before_writing() throws Exception {
        Path ps1 = tmp.resolve("fix.ps1");
        Cli.run(args(NOT_READY, "plan", "--format", "ps1", "--output", ps1.toString()));
        String script = Files.readString(ps1);
        assertThat(script.indexOf("reg.exe export")).isPositive().isLessThan(script.indexOf("Set-TlsReadyDword '"));
        assertThat(script).contains("Is64BitProcess").contains("SupportsShouldProcess");
    }

    @Test
    void rules_lists_every_rule_with_sources() {
        Cli.Result r = Cli.run("rules");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("OS_SUPPORTED").contains("MARS_AGENT").contains("sources: S1");
        Cli.Result json = Cli.run("rules", "--format", "json");
        assertThat(json.out()).contains("\"id\" : \"NETFX_STRONG_CRYPTO\"").contains("\"core\" : true");
    }

    @Test
    void output_file_in_a_missing_folder_is_a_clear_error_and_nothing_is_written() throws Exception {
        Path out = tmp.resolve("no/such/dir/report.json");
        Cli.Result r = Cli.run(args(NOT_READY, "audit", "--format", "json", "--output", out.toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("folder does not exist");
    }
}
