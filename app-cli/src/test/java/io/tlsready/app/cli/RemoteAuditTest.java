package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import io.tlsready.formats.JsonLines;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsready audit --host/--inventory} end to end through the real CLI, with a fake WinRM fleet. */
@Timeout(60)
class RemoteAuditTest {

    private static final String SECRET = "S3cr3t-Tls!ready";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final FakeRemoteHosts fleet = new FakeRemoteHosts(SECRET);
    private final Environment withPassword = RemoteCli.env(Map.of(Passwords.VARIABLE, SECRET));

    private Cli.Result run(String... args) {
        return RemoteCli.run(withPassword, fleet, args);
    }

    private Path inventory(String... hosts) throws Exception {
        Path p = tmp.resolve("hosts.txt");
        Files.writeString(p, String.join("\n", hosts) + "\n");
        return p;
    }

    private static Map<String, JsonNode> hostsByName(JsonNode report) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        report.path("hosts").forEach(h -> m.put(h.path("host").asText(), h));
        return m;
    }

    private static void assertNoSecret(Cli.Result r, Path... files) throws Exception {
        assertThat(r.out()).doesNotContain(SECRET);
        assertThat(r.err()).doesNotContain(SECRET);
        for (Path f : files) {
            if (Files.exists(f)) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SECRET);
            }
        }
    }

    // ---- one host ----------------------------------------------------------------------------------------

    @Test
    void one_host_with_the_password_from_the_environment_and_secure_defaults() throws Exception {
        Cli.Result r = run("audit", "--host", "ready1.contoso.com", "--user", "CONTOSO\\auditor", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode host = JSON.readTree(r.out()).path("hosts").get(0);
        assertThat(host.path("verdict").asText()).isEqualTo("READY");
        RemoteTarget t = fleet.opened.get(0);
        assertThat(t.host()).isEqualTo("ready1.contoso.com");
        assertThat(t.port()).isEqualTo(5986);
        assertThat(t.transport()).isEqualTo(RemoteTarget.Transport.HTTPS);
        assertThat(t.auth()).isEqualTo(RemoteTarget.Auth.NTLM);
        assertThat(t.user()).isEqualTo("CONTOSO\\auditor");
        assertThat(t.insecureSkipVerify()).isFalse();
        assertThat(t.timeout()).hasSeconds(60);
        assertThat(r.err()).isEmpty();
        assertNoSecret(r);
    }

    @Test
    void host_port_ipv6_transport_and_tls_options_reach_the_target() throws Exception {
        Path ca = Files.writeString(tmp.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        String pin = "AB:CD:" + "0123456789abcdef".repeat(3) + "0123456789ab";
        Cli.Result r = run("audit", "--host", "[::1]:5999", "--user", "u", "--transport", "HTTP", "--ca-cert",
                ca.toString(), "--pin-sha256", pin, "--timeout", "5");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        RemoteTarget t = fleet.opened.get(0);
        assertThat(t.host()).isEqualTo("::1");
        assertThat(t.port()).isEqualTo(5999);
        assertThat(t.transport()).isEqualTo(RemoteTarget.Transport.HTTP);
        assertThat(t.caBundle()).contains(ca);
        assertThat(t.pinSha256()).contains("abcd" + "0123456789abcdef".repeat(3) + "0123456789ab");
        assertThat(t.timeout()).hasSeconds(5);
    }

    @Test
    void the_default_port_follows_the_transport() {
        assertThat(run("audit", "--host", "ready1", "--user", "u", "--transport", "http").exitCode()).isEqualTo(0);
        assertThat(fleet.opened.get(0).port()).isEqualTo(5985);
    }

    @Test
    void a_bad_pin_is_a_usage_error() {
        Cli.Result r = run("audit", "--host", "ready1", "--user", "u", "--pin-sha256", "abc");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("64 hex digits");
    }

    @Test
    void insecure_skip_tls_verify_warns_and_is_passed_on() {
        Cli.Result r = run("audit", "--host", "ready1", "--user", "u", "--insecure-skip-tls-verify");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.err()).contains("warning: --insecure-skip-tls-verify: certificates are NOT checked");
        assertThat(fleet.opened.get(0).insecureSkipVerify()).isTrue();
    }

    @Test
    void basic_over_http_and_a_missing_user_are_refused_before_connecting() {
        Cli.Result basic = run("audit", "--host", "ready1", "--user", "u", "--transport", "http", "--auth", "basic");
        assertThat(basic.exitCode()).isEqualTo(2);
        assertThat(basic.err()).contains("Basic over http");
        Cli.Result noUser = run("audit", "--host", "ready1");
        assertThat(noUser.exitCode()).isEqualTo(2);
        assertThat(noUser.err()).contains("no user: give --user");
        assertThat(fleet.opened).isEmpty();
    }

    @Test
    void jsonl_for_one_host_goes_to_stdout_as_one_line() throws Exception {
        Cli.Result r = run("audit", "--host", "notready1", "--user", "u", "--format", "jsonl");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(1);
        JsonNode line = JSON.readTree(r.out());
        assertThat(line.path("target").asText()).isEqualTo("notready1:5986");
        assertThat(line.path("verdict").asText()).isEqualTo("NOT_READY");
    }

    // ---- passwords ---------------------------------------------------------------------------------------

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void password_from_the_first_line_of_a_file_with_a_warning_when_others_can_read_it() throws Exception {
        Path file = Files.writeString(tmp.resolve("pw"), SECRET + "\nsecond line ignored\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result r = RemoteCli.run(RemoteCli.env(Map.of()), fleet, "audit", "--host", "ready1", "--user", "u",
                "--password-file", file.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).contains("readable by other users").contains("chmod 600");
        assertNoSecret(r);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Cli.Result quiet = RemoteCli.run(RemoteCli.env(Map.of()), fleet, "audit", "--host", "ready1", "--user", "u",
                "--password-file", file.toString());
        assertThat(quiet.exitCode()).isEqualTo(0);
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void the_password_file_wins_over_the_environment() throws Exception {
        Path file = Files.writeString(tmp.resolve("pw"), SECRET + "\r\n");
        Cli.Result r = RemoteCli.run(RemoteCli.env(Map.of(Passwords.VARIABLE, "wrong")), fleet, "audit", "--host",
                "ready1", "--user", "u", "--password-file", file.toString());
        assertThat(r.exitCode()).as(r.out()).isEqualTo(0);
    }

    @Test
    void no_password_and_no_console_is_exit_2_with_the_message() {
        Cli.Result r = RemoteCli.run(RemoteCli.env(Map.of()), fleet, "audit", "--host", "ready1", "--user", "u");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("tlsready: no password: set TLSREADY_PASSWORD or use --password-file");
        assertThat(fleet.opened).isEmpty();
    }

    @Test
    void a_password_on_the_command_line_is_refused_and_never_echoed() throws Exception {
        for (String[] args : List.of(new String[] {"--password", SECRET}, new String[] {"--password=" + SECRET})) {
            List<String> a = new ArrayList<>(List.of("audit", "--host", "ready1", "--user", "u"));
            a.addAll(List.of(args));
            Cli.Result r = run(a.toArray(String[]::new));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("passwords are never taken on the command line");
            assertNoSecret(r);
        }
        assertThat(fleet.opened).isEmpty();
    }

    @Test
    void a_wrong_password_is_a_host_finding_that_names_the_cause_not_the_password() throws Exception {
        Cli.Result r = RemoteCli.run(RemoteCli.env(Map.of(Passwords.VARIABLE, "not-" + SECRET)), fleet, "audit",
                "--host", "ready1", "--user", "u", "--format", "json", "--debug");
        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode host = JSON.readTree(r.out()).path("hosts").get(0);
        assertThat(host.path("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(host.path("error").asText()).contains("401");
        assertThat(r.out() + r.err()).doesNotContain("not-" + SECRET);
        assertThat(fleet.attempts("ready1")).as("authentication failures are not retried").isEqualTo(1);
    }

    // ---- fleets ------------------------------------------------------------------------------------------

    @Test
    void a_mixed_fleet_gives_every_host_a_verdict_and_exit_1() throws Exception {
        Path inv = inventory("ready1", "ready2", "notready1", "flaky1", "down1", "denied1");
        Path report = tmp.resolve("fleet.json");
        Cli.Result r = run("audit", "--inventory", inv.toString(), "--user", "u", "--format", "json", "--output",
                report.toString(), "--retries", "2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode doc = JSON.readTree(report.toFile());
        Map<String, JsonNode> hosts = hostsByName(doc);
        assertThat(hosts.keySet()).containsExactly("ready1", "ready2", "notready1", "flaky1", "down1", "denied1");
        assertThat(hosts.get("ready1").path("verdict").asText()).isEqualTo("READY");
        assertThat(hosts.get("notready1").path("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(hosts.get("flaky1").path("verdict").asText()).isEqualTo("READY");
        assertThat(hosts.get("down1").path("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(hosts.get("down1").path("error").asText()).contains("connection refused").contains("(3 attempts)");
        assertThat(hosts.get("denied1").path("error").asText()).contains("401");
        assertThat(fleet.attempts("flaky1")).isEqualTo(3);
        assertThat(fleet.attempts("down1")).isEqualTo(3);
        assertThat(fleet.attempts("denied1")).isEqualTo(1);
        assertThat(doc.path("summary").path("unreachable").asInt()).isEqualTo(2);
        assertThat(r.err()).contains("6 hosts: 3 ready, 1 not ready, 2 unknown (2 unreachable)");
        assertNoSecret(r, report);
    }

    @Test
    void unknown_and_unreachable_without_not_ready_is_exit_3_and_all_ready_is_0() throws Exception {
        assertThat(run("audit", "--inventory", inventory("ready1", "down1").toString(), "--user", "u", "--retries",
                "0").exitCode()).isEqualTo(3);
        assertThat(run("audit", "--inventory", inventory("ready1", "ready2", "flaky1").toString(), "--user", "u")
                .exitCode()).isEqualTo(0);
    }

    @Test
    void every_report_format_works_for_a_fleet() throws Exception {
        Path inv = inventory("ready1", "notready1", "down1");
        for (String format : List.of("text", "json", "csv", "html", "junit", "sarif")) {
            Cli.Result r = run("audit", "--inventory", inv.toString(), "--user", "u", "--retries", "0", "--format",
                    format);
            assertThat(r.exitCode()).as(format + ": " + r.err()).isEqualTo(1);
            assertThat(r.out()).as(format).contains("notready1").contains("down1");
            assertNoSecret(r);
        }
    }

    @Test
    void per_host_inventory_settings_override_the_command_line() throws Exception {
        Path csv = Files.writeString(tmp.resolve("hosts.csv"),
                "host,port,transport,auth,user\nready1,,,,\nready2,5985,http,ntlm,CONTOSO\\other\n");
        Cli.Result r = run("audit", "--inventory", csv.toString(), "--user", "default-user", "--auth", "basic");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        RemoteTarget a = fleet.opened.stream().filter(t -> t.host().equals("ready1")).findFirst().orElseThrow();
        RemoteTarget b = fleet.opened.stream().filter(t -> t.host().equals("ready2")).findFirst().orElseThrow();
        assertThat(a.user()).isEqualTo("default-user");
        assertThat(a.auth()).isEqualTo(RemoteTarget.Auth.BASIC);
        assertThat(a.port()).isEqualTo(5986);
        assertThat(b.user()).isEqualTo("CONTOSO\\other");
        assertThat(b.transport()).isEqualTo(RemoteTarget.Transport.HTTP);
        assertThat(b.auth()).isEqualTo(RemoteTarget.Auth.NTLM);
        assertThat(b.port()).isEqualTo(5985);
    }

    @Test
    void ansible_cert_validation_ignore_is_not_honoured_but_warned_about() throws Exception {
        Path ini = Files.writeString(tmp.resolve("hosts.ini"), "[win]\nready1\nready2\n[win:vars]\n"
                + "ansible_user=auditor\nansible_winrm_server_cert_validation=ignore\n");
        Cli.Result r = run("audit", "--inventory", ini.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).contains("ansible_winrm_server_cert_validation=ignore is not honoured for 2 host(s)");
        assertThat(fleet.opened).allSatisfy(t -> assertThat(t.insecureSkipVerify()).isFalse());
    }

    @Test
    void a_bad_inventory_line_is_exit_2_naming_file_and_line() throws Exception {
        Cli.Result r = run("audit", "--inventory", inventory("ready1", "ready2:http").toString(), "--user", "u");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("hosts.txt:2").doesNotContain("\tat ");
        assertThat(fleet.opened).isEmpty();
    }

    @Test
    void duplicates_in_an_inventory_are_audited_once() throws Exception {
        Cli.Result r = run("audit", "--inventory", inventory("ready1", "READY1", "ready1:5986", "ready2").toString(),
                "--user", "u", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(fleet.opened).hasSize(2);
    }

    @Test
    void the_concurrency_option_bounds_hosts_in_flight() throws Exception {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            hosts.add("slow" + i);
        }
        Cli.Result r = run("audit", "--inventory", inventory(hosts.toArray(String[]::new)).toString(), "--user", "u",
                "--concurrency", "3");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(fleet.maxInFlight.get()).isEqualTo(3);
        assertThat(run("audit", "--host", "ready1", "--user", "u", "--concurrency", "0").exitCode()).isEqualTo(2);
    }

    // ---- JSON lines and resume ---------------------------------------------------------------------------

    @Test
    void jsonl_streams_one_line_per_host_and_without_a_report_prints_only_a_summary() throws Exception {
        Path inv = inventory("ready1", "notready1", "down1", "ready2");
        Path results = tmp.resolve("results.jsonl");
        Cli.Result r = run("audit", "--inventory", inv.toString(), "--user", "u", "--retries", "0", "--format", "jsonl",
                "--output", results.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("4 hosts: 2 ready, 1 not ready, 1 unknown (1 unreachable); results in");
        List<String> lines = Files.readAllLines(results);
        assertThat(lines).hasSize(4);
        List<String> targets = new ArrayList<>();
        for (String l : lines) {
            targets.add(JSON.readTree(l).path("target").asText());
        }
        assertThat(targets).containsExactlyInAnyOrder("ready1:5986", "notready1:5986", "down1:5986", "ready2:5986");
        assertNoSecret(r, results);

        Cli.Result again = run("audit", "--inventory", inv.toString(), "--user", "u", "--format", "jsonl", "--output",
                results.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists: add --resume");
    }

    @Test
    void resume_after_a_kill_audits_only_the_rest_and_the_final_report_has_every_host() throws Exception {
        AuditService audit = new AuditService(RuleBook.standard());
        ByteArrayOutputStream earlier = new ByteArrayOutputStream();
        earlier.write(JsonLines.line(audit.evaluate(Hosts.ready("2019").named("ready1").build()), "ready1:5986"));
        earlier.write(JsonLines.line(audit.evaluate(Hosts.windows("2008R2").x64().coverAll().updates("KB5000001")
                .named("notready1").build()), "notready1:5986"));
        earlier.write(JsonLines.line(AuditService.failed("down1", "WinRM down1:5986", "connection refused"),
                "down1:5986"));
        byte[] cut = JsonLines.line(audit.evaluate(Hosts.ready("2019").named("ready2").build()), "ready2:5986");
        earlier.write(cut, 0, cut.length / 2); // the kill: half a line, no newline
        Path results = tmp.resolve("results.jsonl");
        Files.write(results, earlier.toByteArray());

        Path inv = inventory("ready1", "notready1", "down1", "ready2", "ready3", "flaky1");
        Path report = tmp.resolve("final.html");
        Path json = tmp.resolve("final.json");
        Cli.Result r = run("audit", "--inventory", inv.toString(), "--user", "u", "--format", "jsonl", "--output",
                results.toString(), "--resume", "--skip-failed", "--report", json.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("results.jsonl:4: ignoring a truncated last line")
                .contains("resuming").contains("3 of 6 hosts skipped as done, 0 failed hosts retried (--skip-failed), "
                        + "3 not audited yet");
        assertThat(fleet.opened.stream().map(RemoteTarget::host).distinct())
                .containsExactlyInAnyOrder("ready2", "ready3", "flaky1");
        int opened = fleet.opened.size();
        List<String> lines = Files.readAllLines(results);
        assertThat(lines).hasSize(6);
        for (String l : lines) {
            assertThat(JSON.readTree(l).path("verdict").isTextual()).as(l).isTrue();
        }
        Map<String, JsonNode> hosts = hostsByName(JSON.readTree(json.toFile()));
        assertThat(hosts.keySet()).containsExactly("ready1", "notready1", "down1", "ready2", "ready3", "flaky1");
        assertThat(hosts.get("notready1").path("findings").size()).isGreaterThan(5);
        assertThat(hosts.get("down1").path("error").asText()).isEqualTo("connection refused");

        Cli.Result html = run("audit", "--inventory", inv.toString(), "--user", "u", "--format", "jsonl", "--output",
                results.toString(), "--resume", "--skip-failed", "--report", report.toString());
        assertThat(html.exitCode()).isEqualTo(1);
        assertThat(Files.readString(report)).contains("<html").contains("notready1").contains("flaky1");
        assertThat(fleet.opened).as("nothing left to audit").hasSize(opened);

        // without --skip-failed, the host whose result was an error is audited again; the others are not
        Cli.Result retry = run("audit", "--inventory", inv.toString(), "--user", "u", "--format", "jsonl", "--output",
                results.toString(), "--resume");
        assertThat(retry.err()).contains("resuming").contains("5 of 6 hosts skipped as done, 1 failed host retried, "
                + "0 not audited yet");
        assertThat(fleet.opened.subList(opened, fleet.opened.size()).stream().map(RemoteTarget::host).distinct())
                .as("only the failed host, with its retries").containsExactly("down1");
        assertThat(Files.readAllLines(results)).hasSize(7);
        assertNoSecret(r, results, json, report);
    }

    @Test
    void a_corrupt_line_in_the_middle_is_an_error_not_a_guess() throws Exception {
        Path results = Files.writeString(tmp.resolve("results.jsonl"), "{\"host\":\"a\",\"verdict\":\"READY\"}\n"
                + "garbage\n{\"host\":\"b\",\"verdict\":\"READY\"}\n");
        Cli.Result r = run("audit", "--inventory", inventory("ready1").toString(), "--user", "u", "--format", "jsonl",
                "--output", results.toString(), "--resume");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("results.jsonl:2");
    }

    @Test
    void resume_and_report_options_need_their_partners() throws Exception {
        assertThat(run("audit", "--host", "ready1", "--user", "u", "--resume").err()).contains("--resume continues");
        assertThat(run("audit", "--host", "ready1", "--user", "u", "--report", "x.html").err())
                .contains("--report/--report-format go with --format jsonl");
        assertThat(Cli.run("audit", "--resume").exitCode()).isEqualTo(2);
    }

    @Test
    void the_report_format_follows_the_file_name_unless_given() {
        assertThat(RemoteAudit.reportFormat(null, Path.of("a.sarif")).name()).isEqualTo("SARIF");
        assertThat(RemoteAudit.reportFormat(null, Path.of("a.xml")).name()).isEqualTo("JUNIT");
        assertThat(RemoteAudit.reportFormat(null, null).name()).isEqualTo("TEXT");
    }

    // ---- wiring ------------------------------------------------------------------------------------------

    @Test
    void with_the_real_winrm_module_an_unreachable_host_is_an_unknown_finding_not_a_crash(@org.junit.jupiter.api.io.TempDir
            Path tmp) throws Exception {
        Path password = tmp.resolve("password");
        java.nio.file.Files.writeString(password, "not-used-secret\n");
        java.nio.file.Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        // A refusal comes back at once; the roomy deadline only covers a cold JVM loading Netty on a loaded machine
        // (at 5 s the first connection attempt was seen to miss it, and the host was reported as timed out).
        Cli.Result r = Cli.run("audit", "--host", "127.0.0.1:" + port, "--transport", "http", "--auth", "ntlm",
                "--user", "u", "--password-file", password.toString(), "--retries", "0", "--timeout", "30",
                "--format", "json");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("\"verdict\" : \"UNKNOWN\"").containsIgnoringCase("refused")
                .doesNotContain("not-used-secret");
    }

    @Test
    void help_documents_the_remote_options_and_defaults() {
        Cli.Result r = Cli.run("audit", "--help");
        assertThat(r.out()).contains("--inventory").contains("--password-file").contains("TLSREADY_PASSWORD")
                .contains("--insecure-skip-tls-verify").contains("--concurrency").contains("default: 32")
                .contains("--resume").contains("--report").doesNotContain("--password ");
        assertThat(new String(r.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("jsonl");
    }
}
