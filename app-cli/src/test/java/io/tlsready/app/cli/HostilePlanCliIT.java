package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's attack end to end: a host whose name carries a line break and a whole .reg section (from a SYSTEM hive's
 * ComputerName, or a JSON snapshot's host) gets a plan that holds exactly the sections and values of the same host
 * under an honest name, {@code plan --verify} passes it, and a single changed byte makes it fail.
 */
class HostilePlanCliIT {

    private static final String RUN = "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run]";
    private static final String HOST = "X\r\n" + RUN + "\r\n\"evil\"=\"c:\\\\x.exe\"";
    private static final String SET = "2008r2-not-ready";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_hostile_computer_name_in_a_system_hive_stays_a_comment_in_both_formats() throws Exception {
        Path hives = Files.createDirectories(dir.resolve("hives"));
        ExampleHives.build(Cli.examples().resolve(SET), hives);
        setComputerName(hives.resolve("SYSTEM"), HOST);

        checkBothFormats(List.of("--hives", hives.toString()));
    }

    @Test
    void a_hostile_host_in_a_json_snapshot_stays_a_comment_in_both_formats() throws Exception {
        Path clean = dir.resolve("clean.json");
        List<String> collect = new ArrayList<>(List.of("collect", "--output", clean.toString()));
        collect.addAll(Cli.snapshotArgs(SET));
        assertThat(Cli.run(collect.toArray(String[]::new)).exitCode()).isZero();
        ObjectNode snapshot = (ObjectNode) JSON.readTree(clean.toFile());
        assertThat(snapshot.has("host")).isTrue();
        snapshot.put("host", HOST);
        if (snapshot.path("systemInfo").isObject()) {
            ((ObjectNode) snapshot.get("systemInfo")).put("hostName", HOST);
        }
        Path hostile = dir.resolve("hostile.json");
        JSON.writeValue(hostile.toFile(), snapshot);

        checkBothFormats(List.of("--snapshot", hostile.toString()));
    }

    @Test
    void a_hostile_host_is_exact_in_plan_json_and_visible_in_plan_text() throws Exception {
        String host = "A\u001b]0;owned\u0007\u202eYDAER\u2066\r\n" + RUN + "\ud800";
        Path clean = dir.resolve("clean.json");
        List<String> collect = new ArrayList<>(List.of("collect", "--output", clean.toString()));
        collect.addAll(Cli.snapshotArgs(SET));
        assertThat(Cli.run(collect.toArray(String[]::new)).exitCode()).isZero();
        ObjectNode snapshot = (ObjectNode) JSON.readTree(clean.toFile());
        snapshot.put("host", host);
        if (snapshot.path("systemInfo").isObject()) {
            ((ObjectNode) snapshot.get("systemInfo")).put("hostName", host);
        }
        Path hostile = dir.resolve("hostile-json.json");
        // Escaped, so the lone surrogate reaches the snapshot reader as it is (UTF-8 cannot carry one).
        JSON.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValue(hostile.toFile(), snapshot);

        byte[] json = Files.readAllBytes(plan(List.of("--snapshot", hostile.toString()), "json", "plan-json"));
        String raw = new String(json, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("\u001b", "\u0007", "\u202e", "\u2066", "\r");
        assertThat(JSON.readTree(json).path("hosts").get(0).path("host").asText()).isEqualTo(host);

        String text = Files.readString(plan(List.of("--snapshot", hostile.toString()), "text", "plan-text"));
        assertThat(text).doesNotContain("\u001b", "\u0007", "\u202e", "\u2066", "\r")
                .contains(io.tlsready.domain.output.Visible.of(host));
    }

    private void checkBothFormats(List<String> target) throws Exception {
        for (String format : List.of("reg", "ps1")) {
            Path honest = plan(Cli.snapshotArgs(SET), format, "honest");
            Path hostile = plan(target, format, "hostile");
            String text = decode(Files.readAllBytes(hostile));

            assertThat(text).as(format).doesNotContain("\r\n" + RUN).doesNotContain("\n\"evil\"").doesNotContain("\r\n\"evil\"");
            assertThat(structure(text)).as(format + ": the same sections and values as for an honest host name")
                    .isEqualTo(structure(decode(Files.readAllBytes(honest)))).isNotEmpty();

            Cli.Result ok = Cli.run("plan", "--verify", hostile.toString());
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out().strip()).startsWith("OK  " + hostile + "  host X\\r\\n" + RUN + "\\r\\n\"evil\"")
                    .containsPattern("  fixes [A-Z_0-9, ]*SCHANNEL_TLS12_CLIENT").doesNotContain("\r", "\u001b");

            byte[] bytes = Files.readAllBytes(hostile);
            int i = bytes.length - 12; // inside the last value or statement, covered by the checksum
            bytes[i] = (byte) (bytes[i] == '1' ? '0' : '1');
            Path edited = Files.write(dir.resolve("edited." + format), bytes);
            Cli.Result bad = Cli.run("plan", "--verify", hostile.toString(), edited.toString());
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.err().strip()).isEqualTo(edited + ": modified after tlsready wrote it (sha256 mismatch)");
            assertThat(bad.out().strip()).startsWith("OK  " + hostile);
        }
    }

    @Test
    void verify_says_what_is_wrong_with_files_that_are_no_plan_or_cannot_be_read() throws Exception {
        Path export = Files.writeString(dir.resolve("export.reg"),
                "Windows Registry Editor Version 5.00\r\n\r\n" + RUN + "\r\n\"evil\"=\"c:\\\\x.exe\"\r\n");
        Path missing = dir.resolve("missing.reg");

        Cli.Result notAPlan = Cli.run("plan", "--verify", export.toString());
        assertThat(notAPlan.exitCode()).isEqualTo(1);
        assertThat(notAPlan.err().strip()).isEqualTo(export + ": not a tlsready plan (no header)");

        Cli.Result unreadable = Cli.run("plan", "--verify", export.toString(), missing.toString());
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).contains(missing + ": cannot read: no such file");

        Cli.Result mixed = Cli.run("plan", "--verify", export.toString(), "--snapshot", export.toString());
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("plan --verify takes only files");
    }

    private Path plan(List<String> target, String format, String name) {
        Path out = dir.resolve(name + "." + format);
        List<String> args = new ArrayList<>(List.of("plan", "--format", format, "--output", out.toString()));
        args.addAll(target);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as("a plan that was made exits 0 (issue 13): %s", r.err()).isZero();
        return out;
    }

    /** Everything but comments and the header: sections and values (.reg), statements (.ps1). */
    private static List<String> structure(String text) {
        return text.lines().filter(l -> !l.startsWith(";") && !l.startsWith("#")).toList();
    }

    private static String decode(byte[] b) {
        if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        int skip = (b[0] & 0xFF) == 0xEF ? 3 : 0;
        return new String(b, skip, b.length - skip, StandardCharsets.UTF_8);
    }

    /** Sets ComputerName as REG_SZ bytes (hex(1)): a quoted .reg string cannot hold the CR/LF this test needs. */
    private void setComputerName(Path system, String name) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : (name + "\0").getBytes(StandardCharsets.UTF_16LE)) {
            hex.append(hex.length() == 0 ? "" : ",").append(String.format("%02x", b));
        }
        Path reg = Files.writeString(dir.resolve("computername.reg"), "Windows Registry Editor Version 5.00\n\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\ComputerName\\ComputerName]\n"
                + "\"ComputerName\"=hex(1):" + hex + "\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(ExampleHives.hivexregedit().toString(), "--merge", system.toString(), "--prefix",
                "HKEY_LOCAL_MACHINE\\SYSTEM", reg.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Cli.Result audit = Cli.run("hive", "get", system.toString(), "ControlSet001\\Control\\ComputerName\\ComputerName",
                "ComputerName");
        assertThat(audit.out()).as("the hive holds the hostile name, shown visibly")
                .contains("X\\r\\n" + RUN + "\\r\\n").doesNotContain("\r\n[");
    }
}
