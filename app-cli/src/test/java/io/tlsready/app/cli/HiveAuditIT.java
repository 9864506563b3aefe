package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tlsready audit --hives DIR} end to end on real regf files: each example set is turned into SYSTEM and
 * SOFTWARE hives by hivex ({@link ExampleHives}) and must give the verdict and rule statuses that {@code --snapshot}
 * of the same set gives, except where the evidence legitimately differs (listed per set below).
 *
 * <p>What differs, and why: (1) hives carry no systeminfo, so the OS identity comes from
 * {@code Windows NT\CurrentVersion}, ProductOptions and PROCESSOR_ARCHITECTURE in the hives, and installed updates
 * from CBS packages; for the full sets that gives the same OS and updates. (2) A hive holds the whole SOFTWARE or
 * SYSTEM tree, so a key the .reg set never exported is ABSENT from a hive, not NOT_COLLECTED: MARS_AGENT is
 * NOT_APPLICABLE from hives where the .reg set had no MARS export (UNKNOWN from the snapshot). (3) 2019-incomplete
 * has only schannel.reg, so only a SYSTEM hive exists: every SOFTWARE value is NOT_COLLECTED naming the missing
 * hive, the OS cannot be identified without systeminfo, and FIPS_POLICY PASSes (the SYSTEM hive shows no
 * FipsAlgorithmPolicy) where the snapshot had not collected it.
 */
class HiveAuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("2008r2-not-ready", Map.of()),
                Arguments.of("2008r2-ready", Map.of()),
                Arguments.of("2012r2-ready-controlset", Map.of("MARS_AGENT", "NOT_APPLICABLE")),
                Arguments.of("2008sp2-x86-legacy-value", Map.of("MARS_AGENT", "NOT_APPLICABLE")),
                Arguments.of("2019-incomplete", Map.of("OS_SUPPORTED", "UNKNOWN", "OS_TLS12_UPDATE", "UNKNOWN",
                        "SCHANNEL_TLS12_CLIENT", "UNKNOWN", "WINHTTP_DEFAULT_SECURE_PROTOCOLS", "UNKNOWN",
                        "NETFX_VERSION", "UNKNOWN", "SCHANNEL_TLS12_SERVER", "UNKNOWN", "FIPS_POLICY", "PASS",
                        "DHE_LEADING_ZERO", "UNKNOWN")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void hives_give_the_snapshot_verdict_and_statuses(String set, Map<String, String> differing) throws Exception {
        ExampleHives.build(Cli.examples().resolve(set), dir);
        JsonNode snapshot = audit(snapshotArgs(set));
        JsonNode hives = audit(List.of("--hives", dir.toString()));

        assertThat(hives.path("verdict").asText()).isEqualTo(snapshot.path("verdict").asText());
        assertThat(hives.path("host").asText()).as("host name from ComputerName").isEqualTo(snapshot.path("host").asText());
        Map<String, String> expected = statuses(snapshot);
        expected.putAll(differing);
        assertThat(statuses(hives)).isEqualTo(expected);
        for (String rule : differing.keySet()) {
            assertThat(statuses(snapshot).get(rule)).as(rule + " differs from the snapshot").isNotEqualTo(differing.get(rule));
        }
        if (set.equals("2019-incomplete")) {
            assertThat(notCollected(hives)).isNotEmpty().allSatisfy(why -> assertThat(why).contains("no SOFTWARE hive in"));
        } else {
            assertThat(notCollected(hives)).as("hives are NOT_COLLECTED-free").isEmpty();
            assertThat(hives.path("os").path("name").asText()).isEqualTo(snapshot.path("os").path("name").asText());
        }
    }

    @Test
    void a_mounted_windows_volume_is_found_in_any_case() throws Exception {
        Path config = Files.createDirectories(dir.resolve("volume/windows/system32/CONFIG"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        ExampleHives.build(Cli.examples().resolve("2008r2-ready"), staging);
        Files.move(staging.resolve("SYSTEM"), config.resolve("system"));
        Files.move(staging.resolve("SOFTWARE"), config.resolve("Software"));

        Cli.Result r = Cli.run("audit", "--hives", dir.resolve("volume").toString(), "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode host = JSON.readTree(r.out()).path("hosts").get(0);
        assertThat(host.path("verdict").asText()).isEqualTo("READY");
        assertThat(host.path("source").asText()).contains("CONFIG");
    }

    @Test
    void a_folder_with_neither_hive_is_exit_2_with_one_line() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "no hives here");

        Cli.Result r = Cli.run("audit", "--hives", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains(dir.toString())
                .contains("no SYSTEM or SOFTWARE hive").doesNotContain("Exception");
    }

    @Test
    void a_missing_software_hive_gives_not_collected_reasons_naming_it() throws Exception {
        ExampleHives.build(Cli.examples().resolve("2008r2-ready"), dir);
        Files.delete(dir.resolve("SOFTWARE"));

        JsonNode host = audit(List.of("--hives", dir.toString()));

        List<String> reasons = notCollected(host);
        assertThat(reasons).isNotEmpty().allSatisfy(why -> assertThat(why).contains("no SOFTWARE hive in " + dir));
        // Only SOFTWARE values are missing: SChannel (SYSTEM) still decides its rule, the update list cannot.
        Map<String, String> statuses = statuses(host);
        assertThat(statuses.get("NETFX_STRONG_CRYPTO")).isEqualTo("UNKNOWN");
        assertThat(statuses.get("FIPS_POLICY")).isEqualTo("PASS");
        assertThat(host.path("verdict").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void collect_then_audit_of_the_snapshot_gives_the_same_report() throws Exception {
        ExampleHives.build(Cli.examples().resolve("2008r2-not-ready"), dir);
        Path json = dir.resolve("host.json");

        Cli.Result collected = Cli.run("collect", "--hives", dir.toString(), "--output", json.toString());
        assertThat(collected.exitCode()).as(collected.err()).isZero();
        JsonNode direct = audit(List.of("--hives", dir.toString()));
        JsonNode viaSnapshot = audit(List.of("--snapshot", json.toString()));

        assertThat(viaSnapshot.path("verdict").asText()).isEqualTo("NOT_READY");
        // The same report; only where each fact came from differs (hive files vs the JSON file).
        assertThat(withoutOrigins(viaSnapshot)).isEqualTo(withoutOrigins(direct));
    }

    private static JsonNode audit(List<String> evidence) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--format", "json"));
        args.addAll(evidence);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isBetween(0, 3);
        return JSON.readTree(r.out()).path("hosts").get(0);
    }

    private static List<String> snapshotArgs(String set) throws Exception {
        return Cli.snapshotArgs(set);
    }

    private static Map<String, String> statuses(JsonNode host) {
        Map<String, String> out = new TreeMap<>();
        host.path("findings").forEach(f -> out.put(f.path("rule").asText(), f.path("status").asText()));
        return out;
    }

    /** The observation of every NOT_COLLECTED registry value in the host's findings. */
    private static List<String> notCollected(JsonNode host) {
        List<String> out = new ArrayList<>();
        host.path("findings").forEach(f -> f.path("evidence").forEach(e -> {
            String observed = e.path("observed").asText();
            if (e.path("path").asText().startsWith("HKLM") && observed.startsWith("NOT_COLLECTED")) {
                out.add(observed);
            }
        }));
        return out;
    }

    /** The host's report without source, provenance and per-evidence origin. */
    private static JsonNode withoutOrigins(JsonNode host) {
        ObjectNode copy = host.deepCopy();
        copy.remove(List.of("source", "provenance"));
        // where each observation was read (origin; file and line, issue 13) is what differs between sources
        copy.path("findings").forEach(f -> f.path("evidence").forEach(e -> ((ObjectNode) e).remove(List.of("origin",
                "file", "line"))));
        assertThat(copy.path("findings")).hasSize(15);
        return copy;
    }
}
