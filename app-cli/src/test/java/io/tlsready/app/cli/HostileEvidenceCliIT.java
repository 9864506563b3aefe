package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsready.app.cli.render.PythonPeer;
import io.tlsready.domain.output.Visible;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the CLI: a JSON snapshot whose host, OS name, value data, origins, provenance and warnings
 * are hostile, saved under a file name holding escape sequences, CR and LF (Linux allows them), plus a .reg file
 * named with an escape sequence whose value name holds one, audited in every {@code -f} format. The real output
 * bytes are checked: python3 parses every machine format back, text holds no character that steers a terminal,
 * and stderr names a hostile file visibly, on one line.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows file names cannot hold control characters")
class HostileEvidenceCliIT {

    static final String HOST = "MABS01\u001b[2J\u001b[H\u001b]0;owned\u0007\r\nHost     FAKE\r\nVerdict  READY"
            + "\u202eYDAER\u202c\u2066\u200b\ufffe\ud800<script>&amp;\"',=cmd|é中文";
    static final String OS_NAME = "Windows\u001b[31m\u2028Server\u0085 2008 R2";
    static final String DATA = "\u001b[1A\rPASS\u0000=1+1\udfff";
    static final String SNAPSHOT_NAME = "snap\u001b[2J\u001b]0;T\u0007\rREADY\n.json";
    static final String REG_NAME = "evil\u001b[31mkey.reg";
    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path snapshot;
    private Path reg;

    @BeforeEach
    void hostileEvidence() throws Exception {
        Path plain = tmp.resolve("plain.json");
        List<String> collect = new ArrayList<>(List.of("collect", "-o", plain.toString()));
        collect.addAll(Cli.snapshotArgs("2008r2-not-ready"));
        assertThat(Cli.run(collect.toArray(String[]::new)).exitCode()).isZero();
        ObjectNode root = (ObjectNode) MAPPER.readTree(plain.toFile());
        root.put("host", HOST);
        ((ObjectNode) root.get("systemInfo")).put("hostName", HOST).put("osName", OS_NAME);
        for (JsonNode v : root.get("values")) {
            ObjectNode value = (ObjectNode) v;
            if (value.get("key").asText().endsWith("TLS 1.2\\Client") && value.get("name").asText().equals("Enabled")) {
                value.put("state", "PRESENT").put("type", "REG_SZ").put("data", DATA);
            }
            if (value.has("origin")) {
                value.put("origin", "C:\\ev\\" + SNAPSHOT_NAME + ":" + DATA);
            }
        }
        ((ArrayNode) root.get("warnings")).addObject().put("location", REG_NAME + ":3")
                .put("message", "key [HKLM\\A\r\n[HKEY_LOCAL_MACHINE\\Run]] value \"\u0000v\u2066\" skipped");
        snapshot = tmp.resolve(SNAPSHOT_NAME);
        Files.write(snapshot, ascii(root.toString()).getBytes(StandardCharsets.US_ASCII));
        reg = tmp.resolve(REG_NAME);
        String regText = "\ufeffWindows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Ev\u001b[2Jil\u202e]\r\n"
                + "\"na\u001b]0;t\u0007me\"=bogus:12\r\n";
        Files.write(reg, regText.getBytes(StandardCharsets.UTF_16LE));
    }

    /** JSON text with every non-ASCII character written as an escape, so the file says exactly what we mean. */
    private static String ascii(String json) {
        StringBuilder sb = new StringBuilder();
        for (char c : json.toCharArray()) {
            sb.append(c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }

    private String[] audit(String... front) {
        List<String> a = new ArrayList<>(List.of("audit"));
        a.addAll(List.of(front));
        a.addAll(List.of("--snapshot", snapshot.toString(), reg.toString()));
        return a.toArray(String[]::new);
    }

    @Test
    void every_format_written_to_a_file_carries_the_evidence_as_data() throws Exception {
        PythonPeer python = new PythonPeer(tmp);
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (String format : List.of("text", "json", "jsonl", "csv", "html", "junit", "sarif")) {
            Path out = tmp.resolve("report." + format);
            Cli.Result r = Cli.run(audit("--color", "never", "-f", format, "-o", out.toString()));
            assertThat(r.exitCode()).as(format).isEqualTo(1);
            assertThat(r.err()).as(format).isEmpty();
            bytes.put(format, Files.readAllBytes(out));
            if (!format.equals("text")) {
                ids.put(format, python.add(format, out));
            }
        }
        for (String format : List.of("text", "json", "jsonl", "html", "junit", "sarif")) {
            assertThat(new String(bytes.get(format), StandardCharsets.UTF_8)).as(format + ": no ESC at all")
                    .doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\r");
        }
        assertText(new String(bytes.get("text"), StandardCharsets.UTF_8));

        JsonNode parsed = python.parseAll();
        assertThat(PythonPeer.failures(parsed)).isEmpty();
        JsonNode json = parsed.get(ids.get("json")).get("hosts").get(0);
        assertThat(json.get("host").textValue()).isEqualTo(HOST);
        assertThat(json.get("source").textValue()).isEqualTo("offline evidence: " + SNAPSHOT_NAME + ", " + REG_NAME);
        assertThat(json.get("provenance").findValuesAsText("location"))
                .containsExactly(snapshot.toString(), reg.toString());
        assertThat(json.get("warnings").findValuesAsText("location")).contains(REG_NAME + ":3", REG_NAME + ":4");
        JsonNode client = json.get("findings").findParents("rule").stream()
                .filter(f -> f.get("rule").textValue().equals("SCHANNEL_TLS12_CLIENT")).findFirst().orElseThrow();
        assertThat(client.get("evidence").get(0).get("observed").textValue()).isEqualTo("REG_SZ \"" + DATA + "\"");
        assertThat(client.get("evidence").get(0).get("origin").textValue())
                .isEqualTo("C:\\ev\\" + SNAPSHOT_NAME + ":" + DATA);
        assertThat(parsed.get(ids.get("jsonl")).get(0).get("host").textValue()).isEqualTo(HOST);

        List<String> row = new ArrayList<>();
        parsed.get(ids.get("csv")).get(1).forEach(c -> row.add(c.textValue()));
        assertThat(row.get(0)).isEqualTo(HOST.replace("\ud800", "\\ud800"));

        JsonNode suite = parsed.get(ids.get("junit")).get("suites").get(0);
        assertThat(suite.get("name").textValue()).isEqualTo(Visible.of(HOST));

        JsonNode html = parsed.get(ids.get("html"));
        assertThat(html.get("h2").get(0).textValue()).isEqualTo(Visible.of(HOST) + " NOT_READY");
        assertThat(html.get("text").textValue()).contains(Visible.of(SNAPSHOT_NAME), Visible.of(REG_NAME));

        JsonNode sarif = parsed.get(ids.get("sarif"));
        assertThat(sarif.get("uris").get(0).textValue()).isEqualTo(snapshot.toString());
        assertThat(sarif.get("doc").get("runs").get(0).get("results").get(0).get("message").get("text").textValue())
                .startsWith(HOST + ": ");
    }

    private static void assertText(String text) {
        assertThat(text.codePoints().filter(cp -> cp != '\n' && Visible.steers(cp)).boxed().toList()).isEmpty();
        List<String> lines = text.lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("Host     ")).toList())
                .containsExactly("Host     " + Visible.of(HOST) + "   (offline evidence: " + Visible.of(SNAPSHOT_NAME)
                        + ", " + Visible.of(REG_NAME) + ")");
        assertThat(lines.stream().filter(l -> l.startsWith("Verdict  ")).toList()).singleElement()
                .asString().startsWith("Verdict  NOT READY");
        assertThat(text).contains("Warning  " + Visible.of(REG_NAME) + ":3: key [HKLM\\A\\r\\n[HKEY_LOCAL_MACHINE\\Run]]");
    }

    @Test
    void text_on_stdout_has_no_escape_but_its_own_colours() {
        Cli.Result plain = Cli.run(audit("--color", "never"));
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.out()).doesNotContain("\u001b");
        assertText(plain.out());
        Cli.Result coloured = Cli.run(audit("--color", "always"));
        assertThat(coloured.out()).contains("\u001b[1;31m");
        assertThat(SGR.matcher(coloured.out()).replaceAll("")).isEqualTo(plain.out());
    }

    @Test
    void an_error_naming_a_hostile_file_is_one_visible_line() {
        String name = "gone\u001b[2J\r\ntlsready: all hosts READY\u202e.reg";
        Cli.Result r = Cli.run("audit", "--snapshot", tmp.resolve(name).toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("tlsready: ")
                .contains(Visible.of(name)).doesNotContain("\u001b", "\r", "\u202e");
    }

    @Test
    void a_picocli_usage_error_echoing_a_hostile_argument_is_visible_too() {
        Cli.Result r = Cli.run("audit", "--color", "never\u001b]0;owned\u0007", "--snapshot", snapshot.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("never\\x1b]0;owned\\x07").doesNotContain("\u001b", "\u0007");
    }

    /** A hive whose key name, value name and data hold escape sequences, made by hivexsh (hivex, not our code). */
    @Test
    void hive_get_shows_hostile_names_and_data_visibly() throws Exception {
        Path hive = tmp.resolve("hostile.hive");
        Files.copy(ExampleHives.minimalHive(), hive);
        hive.toFile().setWritable(true);
        String key = "Ev\u001b[2Jil\u202e";
        String script = "add " + key + "\ncd " + key + "\nsetval 1\nna\u001b]0;t\u0007me\nstring:da\u001b[1A\rta\ncommit\n";
        Process p;
        try {
            p = new ProcessBuilder("hivexsh", "-w", hive.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            String msg = "hivexsh (hivex) is not installed: apt-get install libhivex-bin";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(msg, e);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, msg);
            return;
        }
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(said).isTrue();

        Cli.Result root = Cli.run("hive", "get", hive.toString(), "");
        assertThat(root.out()).contains("  " + Visible.of(key) + "\\").doesNotContain("\u001b", "\u202e");
        Cli.Result k = Cli.run("hive", "get", hive.toString(), key);
        assertThat(k.exitCode()).isZero();
        assertThat(k.out()).contains("na\\x1b]0;t\\x07me").contains("\"da\\x1b[1A\\rta\"")
                .doesNotContain("\u001b", "\r", "\u202e", "\u0007");
    }

    /**
     * The real process, in the C locale that CI containers often have: stdout bytes of a JSON report are UTF-8
     * (non-ASCII evidence kept, not turned into '?') and parse back to the hostile host; text has no ESC.
     */
    @Test
    void the_real_process_writes_utf8_json_and_escape_free_text_to_a_pipe() throws Exception {
        Path json = tmp.resolve("stdout.json");
        assertThat(runJava(json, audit("-f", "json"))).isEqualTo(1);
        PythonPeer python = new PythonPeer(tmp);
        String id = python.add("json", json);
        JsonNode parsed = python.parseAll();
        assertThat(PythonPeer.failures(parsed)).isEmpty();
        assertThat(parsed.get(id).get("hosts").get(0).get("host").textValue()).isEqualTo(HOST);

        Path text = tmp.resolve("stdout.txt");
        assertThat(runJava(text, audit("--color", "never"))).isEqualTo(1);
        String shown = Files.readString(text, StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain("\u001b").contains("é中文");
        assertText(shown);
    }

    private static int runJava(Path stdout, String[] args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LANG");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
