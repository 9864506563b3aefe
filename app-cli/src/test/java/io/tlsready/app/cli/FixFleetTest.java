package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import io.tlsready.sim.WriteFault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 5, fleets in stages: {@code tlsready fix --inventory … --apply} in-process with {@code --canary},
 * {@code --max-failures}, JSON lines and {@code --resume}, against simulated hosts on loopback whose whole registry
 * is exported when they stop. "Untouched" and "exactly as before" are byte comparisons with a pristine run of the
 * same hosts; "not started" is also the simulator's count of zero requests.
 */
@Timeout(300) // a guard against a hang only
class FixFleetTest {

    private static final String USER = "fleet-fixer";
    private static final String PASSWORD = "fleet-Fix-" + System.nanoTime();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HostFacts notReady;
    /** The key of the last value a fix writes (write-denied there: every earlier write must be undone). */
    private static String lastKey;

    @TempDir
    Path tmp;

    @BeforeAll
    static void evidence() {
        notReady = EvidenceFacts.load(files("2008r2-not-ready"));
    }

    /** A fleet of {@code count} hosts on 127.0.{subnet}.1…; {@code fault} may change any host's spec. */
    private static List<HostSpec> specs(int subnet, int count, Function<Integer, WriteFault> fault) {
        List<HostSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HostSpec spec = HostSpec.of("fix" + i, "127.0." + subnet + "." + (i + 1), 0, HostSpec.Auth.NTLM, USER,
                    PASSWORD.toCharArray(), notReady);
            WriteFault f = fault.apply(i);
            specs.add(f == null ? spec : spec.withWriteFault(f));
        }
        return specs;
    }

    private static SimulatedFleet start(List<HostSpec> specs, Path registryOut) {
        return SimulatedFleet.start(specs, SimulatedFleet.Options.defaults().withRegistryOut(registryOut));
    }

    /** The registry export of each host (by index) when nothing is done to it. */
    private List<byte[]> pristine(int subnet, int count) throws IOException {
        Path out = tmp.resolve("pristine-" + subnet + ".reg");
        start(specs(subnet, count, i -> null), out).close();
        return exports(out, subnet, count);
    }

    private static List<byte[]> exports(Path out, int subnet, int count) throws IOException {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(Files.readAllBytes(SimulatedFleet.registryFile(out, "127.0." + subnet + "." + (i + 1), true)));
        }
        return all;
    }

    private Path inventory(SimulatedFleet fleet) throws IOException {
        Path inventory = tmp.resolve("hosts.txt");
        Files.write(inventory, fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList());
        return inventory;
    }

    private Cli.Result fix(Path inventory, String... more) {
        List<String> args = new ArrayList<>(List.of("fix", "--inventory", inventory.toString(), "--transport", "http",
                "--user", USER, "--backup-dir", tmp.resolve("journals").toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private List<Path> journals() throws IOException {
        Path dir = tmp.resolve("journals");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".journal.json")).sorted().toList();
        }
    }

    private static String lastKey() throws IOException {
        if (lastKey == null) {
            try (SimulatedFleet one = start(specs(69, 2, i -> null), null)) {
                Cli.Result dry = run("fix", "--host", one.endpoints().get(0).hostPort(), "--transport", "http",
                        "--user", USER, "-f", "json");
                JsonNode changes = JSON.readTree(dry.out()).path("hosts").get(0).path("changes");
                lastKey = changes.get(changes.size() - 1).path("key").asText();
            }
        }
        return lastKey;
    }

    /** Every line of a JSON lines file, each of which must be complete JSON; by target. */
    private static Map<String, JsonNode> lines(Path jsonl) throws IOException {
        Map<String, JsonNode> byTarget = new LinkedHashMap<>();
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode n = JSON.readTree(line);
            assertThat(byTarget.put(n.path("target").asText(), n)).as("one line per host: %s", line).isNull();
        }
        return byTarget;
    }

    /**
     * After the run, a dry run (every host, in inventory order) finds nothing a registry write could still fix on
     * the hosts at these indexes: each verified READY, or what is left needs a person.
     */
    private void assertNothingLeftToWrite(Path inventory, int count, List<Integer> fixed) throws IOException {
        JsonNode hosts = JSON.readTree(fix(inventory, "-f", "json").out()).path("hosts");
        assertThat(hosts).hasSize(count);
        for (int i : fixed) {
            assertThat(hosts.get(i).path("changes")).as("left to write on fix%d", i).isEmpty();
        }
    }

    @Test
    void a_canary_that_fails_stops_the_fleet_and_leaves_every_other_host_untouched() throws IOException {
        String key = lastKey();
        List<byte[]> pristine = pristine(60, 5);
        Path out = tmp.resolve("after.reg");
        Cli.Result r;
        List<String> targets;
        try (SimulatedFleet fleet = start(specs(60, 5, i -> i == 1 ? WriteFault.writeDenied(key) : null), out)) {
            Path inventory = inventory(fleet);
            targets = fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
            r = fix(inventory, "--apply", "--canary", "2", "--concurrency", "2", "-f", "json");
            assertThat(r.exitCode()).as(r.err()).isNotEqualTo(ExitCode.READY);
            for (int i = 2; i < 5; i++) {
                assertThat(fleet.counters("fix" + i).httpRequests()).as("requests to fix%d", i).isZero();
            }
            assertNothingLeftToWrite(inventory, 5, List.of(0));
        }

        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.path("hosts")).hasSize(2);
        JsonNode canary = doc.path("hosts").get(0); // hosts in inventory order

        assertThat(canary.path("error").isNull()).as(canary.toString()).isTrue();
        assertThat(canary.path("changes").findValuesAsText("outcome")).containsOnly("written");
        JsonNode denied = doc.path("hosts").get(1);
        assertThat(denied.path("error").asText()).contains("access denied");
        assertThat(denied.path("changes").findValuesAsText("outcome")).doesNotContain("written", "left-written");
        assertThat(doc.path("notStarted").findValuesAsText("target")).containsExactly(targets.get(2),
                targets.get(3), targets.get(4));
        assertThat(doc.path("notStarted").findValuesAsText("why")).containsOnly(
                "a canary did not verify READY-or-manual");
        assertThat(r.err()).contains("3 not started (a canary did not verify READY-or-manual)");
        assertThat(journals()).as("one journal per host that was written to").hasSize(2);

        List<byte[]> after = exports(out, 60, 5);
        assertThat(after.get(0)).as("the canary that held is fixed").isNotEqualTo(pristine.get(0));
        for (int i = 1; i < 5; i++) {
            assertThat(after.get(i)).as("fix%d's registry", i).isEqualTo(pristine.get(i));
        }
    }

    @Test
    void no_host_starts_after_max_failures_hosts_have_failed() throws IOException {
        String key = lastKey();
        List<byte[]> pristine = pristine(61, 6);
        Path out = tmp.resolve("after.reg");
        Path jsonl = tmp.resolve("fix.jsonl");
        Cli.Result r;
        List<String> targets;
        // fix0 healthy, fix1 denied, fix2 dropped mid-fix, fix3 healthy, fix4 denied, fix5 healthy.
        try (SimulatedFleet fleet = start(specs(61, 6, i -> switch (i) {
            case 1, 4 -> WriteFault.writeDenied(key);
            case 2 -> WriteFault.dropAfter(3);
            default -> null;
        }), out)) {
            targets = fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
            Path inventory = inventory(fleet);
            r = fix(inventory, "--apply", "--max-failures", "2", "--concurrency", "1", "-f", "jsonl", "-o",
                    jsonl.toString());
            for (int i = 3; i < 6; i++) {
                assertThat(fleet.counters("fix" + i).httpRequests()).as("requests to fix%d", i).isZero();
            }
            assertNothingLeftToWrite(inventory, 6, List.of(0));
        }

        assertThat(r.exitCode()).as(r.err()).isNotEqualTo(ExitCode.READY);
        Map<String, JsonNode> lines = lines(jsonl);
        assertThat(lines.keySet()).containsExactlyElementsOf(targets);
        assertThat(lines.get(targets.get(0)).path("error").isNull()).isTrue();
        assertThat(lines.get(targets.get(1)).path("error").asText()).contains("access denied");
        assertThat(lines.get(targets.get(2)).path("error").asText()).isNotEmpty();
        for (int i = 3; i < 6; i++) {
            JsonNode line = lines.get(targets.get(i));
            assertThat(line.path("started").asBoolean(true)).isFalse();
            assertThat(line.path("error").asText()).isEqualTo("not started: --max-failures reached");
        }
        assertThat(r.err()).contains("3 not started (--max-failures reached)");

        List<byte[]> after = exports(out, 61, 6);
        assertThat(after.get(0)).isNotEqualTo(pristine.get(0));
        for (int i = 1; i < 6; i++) {
            assertThat(after.get(i)).as("fix%d's registry", i).isEqualTo(pristine.get(i));
        }
    }

    @Test
    void a_healthy_fleet_streams_a_line_per_host_and_resume_skips_every_fixed_host() throws IOException {
        Path jsonl = tmp.resolve("fix.jsonl");
        try (SimulatedFleet fleet = start(specs(62, 4, i -> null), null)) {
            Path inventory = inventory(fleet);
            List<String> targets = fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
            Cli.Result r = fix(inventory, "--apply", "--canary", "1", "--concurrency", "3", "-f", "jsonl", "-o",
                    jsonl.toString());

            assertThat(r.exitCode()).as(r.err()).isIn(ExitCode.READY, ExitCode.NOT_READY);
            assertThat(r.out()).isEmpty();
            assertThat(Files.readString(jsonl)).doesNotContain(PASSWORD);
            Map<String, JsonNode> lines = lines(jsonl);
            assertThat(lines.keySet()).containsExactlyInAnyOrderElementsOf(targets);
            assertThat(lines.values()).allSatisfy(l -> {
                assertThat(l.path("schema").asText()).isEqualTo("tlsready.fix/v1");
                assertThat(l.path("applied").asBoolean()).isTrue();
                assertThat(l.path("error").isNull()).as(l.toString()).isTrue();
                assertThat(l.path("changes").findValuesAsText("outcome")).isNotEmpty().containsOnly("written");
            });
            assertThat(journals()).hasSize(4);
            assertThat(lines.values().stream().map(l -> l.path("journal").asText()).distinct()).hasSize(4);
            assertNothingLeftToWrite(inventory, 4, List.of(0, 1, 2, 3));

            Map<String, Long> requests = new LinkedHashMap<>();
            fleet.counters().forEach((name, c) -> requests.put(name, c.httpRequests()));
            Cli.Result again = fix(inventory, "--apply", "-f", "jsonl", "-o", jsonl.toString(), "--resume");
            assertThat(again.err()).contains("4 of 4 hosts already done");
            Map<String, Long> after = new LinkedHashMap<>();
            fleet.counters().forEach((name, c) -> after.put(name, c.httpRequests()));
            assertThat(after).as("no request to a host already fixed").isEqualTo(requests);
            assertThat(Files.readAllLines(jsonl)).hasSize(4);
            assertThat(journals()).hasSize(4);
        }
    }

    @Test
    void resume_tries_again_the_hosts_that_failed_and_were_restored() throws IOException {
        List<byte[]> pristine = pristine(63, 3);
        Path out = tmp.resolve("after.reg");
        Path jsonl = tmp.resolve("fix.jsonl");
        // fix1's connection is reset once, after 3 writes: the first run fails and restores it, the second fixes it.
        try (SimulatedFleet fleet = start(specs(63, 3, i -> i == 1 ? WriteFault.dropAfter(3) : null), out)) {
            Path inventory = inventory(fleet);
            List<String> targets = fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
            Cli.Result first = fix(inventory, "--apply", "--concurrency", "1", "-f", "jsonl", "-o",
                    jsonl.toString());
            assertThat(first.exitCode()).isNotEqualTo(ExitCode.READY);
            Map<String, JsonNode> firstLines = lines(jsonl);
            JsonNode failed = firstLines.get(targets.get(1));
            assertThat(failed.path("error").asText()).isNotEmpty();
            assertThat(failed.path("changes").findValuesAsText("outcome")).contains("restored")
                    .doesNotContain("written", "left-written");
            assertThat(fleet.registryExport("fix1")).as("fix1 restored exactly").isEqualTo(pristine.get(1));
            long untouched = fleet.counters("fix0").httpRequests();

            Cli.Result resumed = fix(inventory, "--apply", "-f", "jsonl", "-o", jsonl.toString(), "--resume");

            assertThat(resumed.err()).contains("2 of 3 hosts already done");
            assertThat(fleet.counters("fix0").httpRequests()).isEqualTo(untouched);
            List<String> all = Files.readAllLines(jsonl);
            assertThat(all).hasSize(4);
            JsonNode retried = JSON.readTree(all.get(3));
            assertThat(retried.path("target").asText()).isEqualTo(targets.get(1));
            assertThat(retried.path("error").isNull()).as(retried.toString()).isTrue();
            assertThat(retried.path("changes").findValuesAsText("outcome")).containsOnly("written");
            assertNothingLeftToWrite(inventory, 3, List.of(0, 1, 2));
        }
        List<byte[]> after = exports(out, 63, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(after.get(i)).as("fix%d fixed", i).isNotEqualTo(pristine.get(i));
        }
    }

    private static Cli.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                RemoteCli.env(Map.of(Passwords.VARIABLE, PASSWORD)), new WinRmModule());
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private static List<Path> files(String set) {
        try (Stream<Path> files = Files.list(Cli.examples().resolve(set))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
