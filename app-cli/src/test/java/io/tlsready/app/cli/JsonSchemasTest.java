package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON format the tool writes against its published schema (docs/schemas, draft 2020-12), on REAL outputs:
 * the report and its JSON lines for every example set (offline files, a mounted volume's hives, a remote fleet with
 * unreachable hosts), the snapshots {@code collect} makes of them, a plan, a fix document (json and jsonl), the
 * journal the fix left and the rollback result. Each schema is also shown not to be vacuous: the same real document
 * with one required field removed, or of the wrong type, fails.
 */
class JsonSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "schema-Passw0rd-" + System.nanoTime();
    private static final List<String> SETS = List.of("2008r2-not-ready", "2008r2-ready", "2012r2-ready-controlset",
            "2019-incomplete", "2008sp2-x86-legacy-value", "2003-unsupported");

    @TempDir
    Path tmp;

    private static List<String> files(String set) throws IOException {
        try (Stream<Path> files = Files.list(Cli.examples().resolve(set))) {
            return files.filter(Files::isRegularFile).sorted().map(Path::toString).toList();
        }
    }

    private static String[] args(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all.toArray(String[]::new);
    }

    private static JsonNode valid(String schema, String json) throws IOException {
        JsonNode doc = JSON.readTree(json);
        assertThat(Schemas.check(schema, doc)).as(schema + ": " + json.substring(0, Math.min(200, json.length())))
                .isEmpty();
        return doc;
    }

    private static void validLines(String schema, String jsonl) throws IOException {
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            valid(schema, line);
        }
    }

    /** The document broken two ways (a required field removed; a field of the wrong type): both must fail. */
    private static void notVacuous(String schema, JsonNode doc, String required, String typed) {
        ObjectNode missing = doc.deepCopy();
        missing.remove(required);
        assertThat(Schemas.check(schema, missing)).as(schema + " without " + required).isNotEmpty();
        ObjectNode wrong = doc.deepCopy();
        wrong.set(typed, JSON.getNodeFactory().objectNode().put("not", "this"));
        assertThat(Schemas.check(schema, wrong)).as(schema + " with an object as " + typed).isNotEmpty();
    }

    @Test
    void every_example_sets_report_json_lines_and_snapshot_match_their_schemas() throws Exception {
        for (String set : SETS) {
            JsonNode report = valid("report", Cli.run(args(List.of("audit", "-f", "json", "--snapshot"), files(set)))
                    .out());
            notVacuous("report", report, "hosts", "summary");
            notVacuous("report-line", report.path("hosts").get(0), "findings", "verdict");
            validLines("report-line", Cli.run(args(List.of("audit", "-f", "jsonl", "--snapshot"), files(set))).out());
            Path snapshot = tmp.resolve(set + ".json");
            Cli.Result collected = Cli.run(args(List.of("collect", "--output", snapshot.toString(), "--snapshot"),
                    files(set)));
            assertThat(collected.exitCode()).as(collected.err()).isZero();
            JsonNode snap = valid("snapshot", Files.readString(snapshot));
            notVacuous("snapshot", snap, "values", "updates");
            valid("report", Cli.run("audit", "-f", "json", "--snapshot", snapshot.toString()).out());
        }
    }

    @Test
    void the_report_of_a_volumes_hives_and_its_snapshot_match_their_schemas() throws Exception {
        String volume = Cli.examples().resolve("2008r2-not-ready-volume").toString();
        valid("report", Cli.run("audit", "-f", "json", "--hives", volume).out());
        Path snapshot = tmp.resolve("hives.json");
        assertThat(Cli.run("collect", "--hives", volume, "--output", snapshot.toString()).exitCode()).isZero();
        valid("snapshot", Files.readString(snapshot));
    }

    @Test
    void a_remote_fleets_report_and_lines_with_targets_and_unreachable_hosts_match_their_schemas() throws Exception {
        FakeRemoteHosts fleet = new FakeRemoteHosts(PASSWORD);
        Environment env = RemoteCli.env(Map.of(Passwords.VARIABLE, PASSWORD));
        Path inventory = Files.writeString(tmp.resolve("hosts.txt"), "ready1\nnotready1\ndown1\n");
        List<String> common = List.of("audit", "--inventory", inventory.toString(), "--user", "u", "--retries", "0",
                "-f");
        JsonNode report = valid("report", RemoteCli.run(env, fleet, args(common, List.of("json"))).out());
        assertThat(report.path("hosts").findValuesAsText("target")).hasSize(3);
        validLines("report-line", RemoteCli.run(env, fleet, args(common, List.of("jsonl"))).out());
        ObjectNode badTarget = ((ObjectNode) report.path("hosts").get(0)).deepCopy();
        badTarget.put("target", 5986);
        assertThat(Schemas.check("report-line", badTarget)).isNotEmpty();
    }

    @Test
    void a_plan_matches_its_schema() throws Exception {
        for (String set : List.of("2008r2-not-ready", "2019-incomplete")) {
            JsonNode plan = valid("plan", Cli.run(args(List.of("plan", "-f", "json", "--snapshot"), files(set))).out());
            notVacuous("plan", plan, "hosts", "schema");
        }
    }

    @Test
    void a_fix_document_its_lines_the_journal_it_left_and_the_rollback_result_match_their_schemas() throws Exception {
        HostSpec spec = HostSpec.of("mabs01", "127.0.0.1", 0, HostSpec.Auth.NTLM, "fixer", PASSWORD.toCharArray(),
                EvidenceFacts.load(files("2008r2-not-ready").stream().map(Path::of).toList()));
        Path journals = tmp.resolve("journals");
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(spec), SimulatedFleet.Options.defaults())) {
            List<String> fix = List.of("fix", "--host", fleet.endpoints().get(0).hostPort(), "--transport", "http",
                    "--user", "fixer", "--backup-dir", journals.toString());
            JsonNode dry = valid("fix", RemoteCli.withWinRm(PASSWORD, args(fix, List.of("-f", "json"))).out());
            notVacuous("fix", dry, "hosts", "exitCode");
            JsonNode applied = valid("fix", RemoteCli.withWinRm(PASSWORD, args(fix, List.of("--apply", "-f",
                    "json"))).out());
            assertThat(applied.path("hosts").get(0).path("applied").asBoolean()).isTrue();
            Path journal;
            try (Stream<Path> files = Files.list(journals)) {
                journal = files.filter(f -> f.toString().endsWith(".journal.json")).findFirst().orElseThrow();
            }
            JsonNode j = valid("journal", Files.readString(journal));
            notVacuous("journal", j, "entries", "host");
            JsonNode rolled = valid("rollback", RemoteCli.withWinRm(PASSWORD, "rollback", journal.toString(),
                    "--user", "fixer", "-f", "json").out());
            notVacuous("rollback", rolled, "hosts", "tool");
            String lines = RemoteCli.withWinRm(PASSWORD, args(fix, List.of("-f", "jsonl"))).out();
            for (String line : lines.lines().toList()) {
                assertThat(Schemas.check(Schemas.published("fix"), JSON.readTree(line), "/$defs/line")).as(line)
                        .isEmpty();
            }
        }
    }

    @Test
    void the_rule_book_matches_its_schema() throws Exception {
        JsonNode rules = valid("rules", Cli.run("rules", "-f", "json").out());
        assertThat(rules).hasSize(15);
        ObjectNode broken = ((ObjectNode) rules.get(0)).deepCopy();
        broken.remove("core");
        assertThat(Schemas.check("rules", JSON.createArrayNode().add(broken))).isNotEmpty();
    }

    @Test
    void every_published_schema_is_draft_2020_12_with_its_id_and_is_tested_here() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Schemas.project().resolve("docs/schemas"))) {
            for (Path f : files.sorted().toList()) {
                JsonNode s = JSON.readTree(f.toFile());
                String name = f.getFileName().toString().replace(".schema.json", "");
                names.add(name);
                assertThat(s.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
                assertThat(s.path("$id").asText()).isEqualTo("https://tlsready.io/schemas/" + name + ".schema.json");
            }
        }
        assertThat(names).containsExactlyInAnyOrder("report", "report-line", "snapshot", "plan", "fix", "journal",
                "rollback", "rules");
    }
}
