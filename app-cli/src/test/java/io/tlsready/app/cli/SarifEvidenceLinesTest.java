package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SARIF from the real example evidence: valid SARIF 2.1.0, and every result points at the evidence file that holds
 * its evidence, at the line of the value (of its key when the value is absent), which is checked by opening the
 * file and reading that line. The same file and line are in the JSON report's evidence ({@code file}, {@code line}).
 */
class SarifEvidenceLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(err.toString()).isEmpty();
        return out.toString();
    }

    static String[] audit(String set, String format) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--format", format, "--snapshot"));
        try (Stream<Path> files = Files.list(Schemas.project().resolve("examples").resolve(set))) {
            files.sorted().forEach(p -> args.add(p.toString()));
        }
        return args.toArray(String[]::new);
    }

    /** Line {@code n} (1-based) of an evidence file, decoded as tlsready reads it (UTF-16LE with BOM, else UTF-8). */
    static String line(Path file, int n) throws Exception {
        byte[] b = Files.readAllBytes(file);
        String text = b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
                ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE)
                : new String(b, StandardCharsets.UTF_8);
        return text.split("\r\n|\n", -1)[n - 1];
    }

    @ParameterizedTest
    @ValueSource(strings = {"2008r2-not-ready", "2008r2-ready", "2012r2-ready-controlset", "2019-incomplete",
        "2008sp2-x86-legacy-value", "2003-unsupported"})
    void sarif_is_valid_and_each_result_points_at_the_file_and_line_of_its_evidence(String set) throws Exception {
        int lines = check(set, audit(set, "sarif"), audit(set, "json"), false);
        if (set.equals("2008r2-not-ready")) {
            assertThat(lines).as("values and keys located by line").isGreaterThan(5);
        }
    }

    @Test
    void audited_from_a_snapshot_each_result_points_at_the_snapshot_line_of_its_value_or_key(@TempDir Path tmp)
            throws Exception {
        Path snapshot = tmp.resolve("mabs01.json");
        List<String> collect = new ArrayList<>(List.of(audit("2008r2-not-ready", "json")));
        collect.set(0, "collect");
        collect.subList(1, 3).clear();
        collect.addAll(List.of("--output", snapshot.toString()));
        run(collect.toArray(String[]::new));
        String[] sarif = {"audit", "--format", "sarif", "--snapshot", snapshot.toString()};
        String[] json = {"audit", "--format", "json", "--snapshot", snapshot.toString()};
        assertThat(check("snapshot", sarif, json, true)).isGreaterThan(5);
    }

    @Test
    void an_installed_update_points_at_the_systeminfo_line_that_lists_it() throws Exception {
        JsonNode host = JSON.readTree(run(audit("2008r2-ready", "json"))).path("hosts").get(0);
        JsonNode update = null;
        for (JsonNode f : host.path("findings")) {
            update = f.path("rule").asText().equals("OS_TLS12_UPDATE") ? f.path("evidence").get(0) : update;
        }
        assertThat(update.path("observed").asText()).isEqualTo("KB3140245 listed");
        assertThat(Path.of(update.path("file").asText()).getFileName().toString()).isEqualTo("systeminfo.txt");
        assertThat(update.path("line").asInt()).isPositive();
        assertThat(line(Path.of(update.path("file").asText()), update.path("line").asInt())).contains("KB3140245");
    }

    /** Checks every result's locations against its evidence; returns how many evidence lines were opened. */
    private static int check(String set, String[] sarifArgs, String[] jsonArgs, boolean snapshot) throws Exception {
        JsonNode sarif = JSON.readTree(run(sarifArgs));
        assertThat(Schemas.check(Schemas.sarif(), sarif)).as(set).isEmpty();
        JsonNode host = JSON.readTree(run(jsonArgs)).path("hosts").get(0);
        int lines = 0;
        for (JsonNode result : sarif.path("runs").get(0).path("results")) {
            JsonNode finding = null;
            for (JsonNode f : host.path("findings")) {
                finding = f.path("rule").asText().equals(result.path("ruleId").asText()) ? f : finding;
            }
            Set<String> expected = new LinkedHashSet<>();
            for (JsonNode e : finding.path("evidence")) {
                if (e.has("file")) {
                    Path file = Path.of(e.path("file").asText());
                    assertThat(file).as("evidence file").isRegularFile();
                    int n = e.path("line").asInt();
                    expected.add(file + ":" + n);
                    if (n > 0) {
                        String text = line(file, n).toLowerCase(Locale.ROOT);
                        String path = e.path("path").asText();
                        String key = path.substring(path.lastIndexOf('\\') + 1);
                        String name = e.path("valueName").asText();
                        boolean keyLine = name.isEmpty() || (!snapshot && e.path("observed").asText().equals("ABSENT"));
                        String want = path.equals("installed updates") ? e.path("observed").asText().split(" ")[0]
                                : keyLine ? key : "\"" + name + "\"";
                        if (keyLine && !snapshot && !text.contains(want.toLowerCase(Locale.ROOT))) {
                            // the key is not in the file: the line of the export root's section above it
                            String section = text.strip().replaceAll("^\\[|\\]$", "");
                            want = section.substring(section.lastIndexOf('\\') + 1);
                            assertThat(text).as(set + " " + file.getFileName() + ":" + n + " a section").startsWith("[");
                            assertThat(path.toLowerCase(Locale.ROOT)).contains("\\" + want + "\\");
                        }
                        assertThat(text).as(set + " " + file.getFileName() + ":" + n + " for " + path + " " + name)
                                .contains(want.toLowerCase(Locale.ROOT));
                        lines++;
                    }
                }
            }
            Set<String> actual = new LinkedHashSet<>();
            for (JsonNode l : result.path("locations")) {
                JsonNode p = l.path("physicalLocation");
                if (!expected.isEmpty()) {
                    actual.add(Path.of(p.path("artifactLocation").path("uri").asText()) + ":"
                            + p.path("region").path("startLine").asInt(0));
                }
            }
            assertThat(actual).as(set + " " + result.path("ruleId").asText()).isEqualTo(expected);
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2008r2-not-ready"})
    void the_sarif_schema_check_is_not_vacuous(String set) throws Exception {
        JsonNode sarif = JSON.readTree(run(audit(set, "sarif")));
        ObjectNode region = (ObjectNode) sarif.path("runs").get(0).path("results").findParents("startLine").get(0);
        region.put("startLine", 0);
        assertThat(Schemas.check(Schemas.sarif(), sarif)).isNotEmpty();
    }
}
