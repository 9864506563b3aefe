package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8 end to end: what a .reg file vouches for decides the verdict, and the report says which kind each file was
 * taken as. A capture (an installer's or tuning tool's change set) vouches only for the values it lists, so a host
 * with such a file is never NOT_READY for values the file does not mention; a value line that cannot be read is
 * NOT_COLLECTED, never ABSENT; evidence that contradicts itself across files is exit 2 naming both files.
 */
class EvidenceCoverageCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAPTURE = "(capture: lists only its own values)";
    /** The capture: bare hive-root sections, unrelated keys, a SCHANNEL value; nothing about .NET. */
    private static final String TUNING_CAPTURE = String.join("\r\n", "Windows Registry Editor Version 5.00", "",
            "[HKEY_LOCAL_MACHINE]", "", "[HKEY_LOCAL_MACHINE\\SOFTWARE]", "",
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Tuner]", "\"Profile\"=\"balanced\"", "",
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2"
                    + "\\Client]", "\"DisabledByDefault\"=dword:00000000", "",
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]",
            "\"TcpTimedWaitDelay\"=dword:0000001e", "");

    @TempDir
    Path tmp;

    private static byte[] utf16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static JsonNode host(Cli.Result r) throws IOException {
        return JSON.readTree(r.out()).path("hosts").get(0);
    }

    private static Map<String, String> statuses(JsonNode host) {
        Map<String, String> m = new HashMap<>();
        host.path("findings").forEach(f -> m.put(f.path("rule").asText(), f.path("status").asText()));
        return m;
    }

    private static JsonNode finding(JsonNode host, String rule) {
        for (JsonNode f : host.path("findings")) {
            if (f.path("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + rule);
    }

    // ------------------------------------------------------------------ the real corpus

    static Stream<Path> corpusRegFiles() {
        return Corpus.files("reg", ".reg").stream();
    }

    /**
     * Real .reg files from public repositories, alone (no OS evidence): UNKNOWN, never NOT_READY (and never READY).
     * The one file regedit itself refuses (no header) is exit 2 with one line naming it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusRegFiles")
    void every_corpus_reg_file_alone_is_unknown_never_not_ready(Path file) throws IOException {
        Cli.Result r = Cli.run("audit", "--format", "json", "--snapshot", file.toString());

        if (r.exitCode() == 2) {
            assertThat(r.err().strip().lines()).singleElement().asString()
                    .contains(file.getFileName().toString()).contains("not a registry script");
            return;
        }
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(host(r).path("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(statuses(host(r))).doesNotContainValue("FAIL");
    }

    /** The case: 2012 R2 systeminfo plus a capture is not ".NET 4.5 not installed" NOT_READY. */
    @Test
    void a_2012r2_host_with_a_capture_is_not_declared_without_net_45() throws IOException {
        Path systeminfo = Corpus.file("kb", "srv_2012r2_u1_systeminfo.txt");
        Path capture = Files.write(tmp.resolve("tuning.reg"), utf16(TUNING_CAPTURE));

        Cli.Result r = Cli.run("audit", "--format", "json", "--snapshot", systeminfo.toString(), capture.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        JsonNode host = host(r);
        assertThat(host.path("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(statuses(host)).containsEntry("NETFX_VERSION", "UNKNOWN").containsEntry("OS_SUPPORTED", "PASS")
                .doesNotContainValue("FAIL");
        JsonNode release = finding(host, "NETFX_VERSION").path("evidence").get(0);
        assertThat(release.path("observed").asText()).startsWith("NOT_COLLECTED: tuning.reg " + CAPTURE
                + " does not list this value; no .reg export covers");
        JsonNode dbd = finding(host, "SCHANNEL_TLS12_CLIENT").path("evidence");
        assertThat(dbd.findValuesAsText("origin")).contains("tuning.reg:11 " + CAPTURE);
    }

    /** Each corpus capture with 2012 R2 systeminfo: whatever else it says, it never says .NET is missing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusRegFiles")
    void no_corpus_file_with_2012r2_systeminfo_fails_the_net_version(Path file) throws IOException {
        Path systeminfo = Corpus.file("kb", "srv_2012r2_u1_systeminfo.txt");
        Cli.Result r = Cli.run("audit", "--format", "json", "--snapshot", systeminfo.toString(), file.toString());
        assumeTrue(r.exitCode() != 2, "regedit refuses this file: " + r.err());

        assertThat(statuses(host(r)).get("NETFX_VERSION")).isNotEqualTo("FAIL");
    }

    /**
     * A regedit-style export of a whole real hive (regipy's Windows 7 SYSTEM, 30,000+ sections, written by
     * {@code tlsready hive export}) is shaped like an export and vouches for absence below HKLM\SYSTEM: with Windows 7
     * SP1 systeminfo, the missing TLS 1.2 client keys are ABSENT and the OS default (off) fails the rule.
     */
    @Test
    void a_whole_hive_export_vouches_for_absence_below_its_root() throws IOException {
        Path reg = tmp.resolve("system.reg");
        Cli.Result export = Cli.run("hive", "export", Corpus.file("hives", "regipy", "SYSTEM").toString(),
                "--output", reg.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path systeminfo = Corpus.file("kb", "7_sp1_x64_enterprise_en-us_A_systeminfo.txt");

        Cli.Result r = Cli.run("audit", "--format", "json", "--snapshot", systeminfo.toString(), reg.toString());

        JsonNode host = host(r);
        assertThat(host.path("provenance").findValuesAsText("detail")).contains("UTF-16LE, export of HKLM\\SYSTEM, 0 warnings");
        assertThat(statuses(host)).containsEntry("SCHANNEL_TLS12_CLIENT", "FAIL");
        assertThat(finding(host, "SCHANNEL_TLS12_CLIENT").path("evidence").findValuesAsText("origin"))
                .containsOnly("system.reg exports HKLM\\SYSTEM without this key");
    }

    // ------------------------------------------------------------------ wording of evidence lines

    @Test
    void text_evidence_lines_say_which_kind_each_file_was_taken_as() throws IOException {
        List<String> args = new ArrayList<>(List.of("audit", "--color", "never"));
        args.addAll(Cli.snapshotArgs("2008r2-ready"));
        args.removeIf(a -> a.endsWith("schannel.reg"));
        args.add(Files.write(tmp.resolve("tuning.reg"), utf16(TUNING_CAPTURE)).toString());

        Cli.Result r = Cli.run(args.toArray(String[]::new));

        assertThat(r.out()).contains("TLS 1.2\\Client\\DisabledByDefault: REG_DWORD 0x00000000 (0)  (expected DWORD 0)"
                + "  <- tuning.reg:11 " + CAPTURE);
        assertThat(r.out()).contains("TLS 1.2\\Client\\Enabled: NOT_COLLECTED: tuning.reg:10 " + CAPTURE
                + " has the key but does not list this value; no .reg export covers");
        assertThat(r.out()).containsPattern("Setup\\\\InstallPath \\[64-bit\\]: REG_SZ .*  <- mars\\.reg:\\d+ \\(export\\)");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ unreadable values

    /** A 2008 R2 host whose TLS 1.2 client line is malformed: UNKNOWN (exit 3), never READY on the OS default. */
    @Test
    void a_malformed_value_line_makes_its_rule_unknown_with_a_warning_naming_file_and_line() throws IOException {
        List<String> args = new ArrayList<>(List.of("audit", "--format", "json"));
        for (String a : Cli.snapshotArgs("2008r2-ready")) {
            if (a.endsWith("schannel.reg")) {
                String text = new String(Files.readAllBytes(Path.of(a)), StandardCharsets.UTF_16LE).substring(1);
                String broken = text.replaceFirst("(TLS 1\\.2\\\\Client]\\r\\n(?:\"[^\\r]*\\r\\n)*?)\"Enabled\"=dword:00000001",
                        "$1\"Enabled\"=dword:000000001");
                assertThat(broken).isNotEqualTo(text);
                a = Files.write(tmp.resolve("schannel.reg"), utf16(broken)).toString();
            }
            args.add(a);
        }

        Cli.Result r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        JsonNode host = host(r);
        assertThat(statuses(host)).containsEntry("SCHANNEL_TLS12_CLIENT", "UNKNOWN");
        assertThat(finding(host, "SCHANNEL_TLS12_CLIENT").path("evidence").get(0).path("observed").asText())
                .matches("NOT_COLLECTED: schannel\\.reg:\\d+ names this value, but the line cannot be read: dword data"
                        + " must be 1 to 8 hex digits: \"dword:000000001\"");
        assertThat(r.out()).containsPattern("schannel\\.reg:\\d+");
    }

    // ------------------------------------------------------------------ contradictions

    @Test
    void a_value_absent_from_one_export_and_present_in_another_is_exit_2_naming_both_files() throws Exception {
        String client = "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                + "\\Protocols\\TLS 1.2\\Client]";
        Path a = Files.write(tmp.resolve("a.reg"), utf16("Windows Registry Editor Version 5.00\r\n\r\n" + client
                + "\r\n\"DisabledByDefault\"=dword:00000000\r\n"));
        Path b = Files.write(tmp.resolve("b.reg"), utf16("Windows Registry Editor Version 5.00\r\n\r\n" + client
                + "\r\n\"Enabled\"=dword:00000001\r\n\"DisabledByDefault\"=dword:00000000\r\n"));

        Cli.Result r = Cli.run("audit", "--snapshot", a.toString(), b.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).singleElement().asString()
                .contains("b.reg:4: contradicts a.reg:3 has the key without this value")
                .contains("Enabled is 0x00000001 (1) in one file and absent in the other");
    }
}
