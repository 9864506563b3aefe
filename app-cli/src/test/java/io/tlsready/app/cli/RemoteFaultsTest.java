package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.FaultKind;
import io.tlsready.sim.HostCounters;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, last judging criterion: with 10% of simulated hosts failing in each injected way, every healthy host is
 * still audited right, every failing one is reported UNKNOWN with a cause a human understands, transient failures
 * are retried (the simulator's counters show it) and permanent ones are not, and the exit code says so. The real
 * CLI ({@code --inventory … -f jsonl -o FILE --report FILE.json}), the real transport (NTLM with message
 * encryption over http), and a simulated fleet on 127.0.50.0/24 and 127.0.51.0/24.
 */
@Timeout(600) // a guard against a hang only; no assertion here depends on how fast the machine is
class RemoteFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "fleet-auditor";
    private static final String PASSWORD = "Fl33t-Faults!";
    private static final String WRONG_PASSWORD = "not-the-password";
    private static final int RETRIES = 2;
    /**
     * Per-host deadline: what only the stalled hosts use up (they answer nothing until the fleet closes), far more
     * than a healthy host needs even on a loaded machine, so no healthy host is ever cut short by load.
     */
    private static final int TIMEOUT_SECONDS = 20;
    /** The simulator holds a stalled connection until the fleet closes: the client's deadline always comes first. */
    private static final Duration STALL = Duration.ofMinutes(30);

    private static HostFacts ready;
    private static HostFacts notReady;

    @TempDir
    Path tmp;

    /** How one host of the fleet behaves. */
    private enum Way {
        HEALTHY_READY, HEALTHY_NOT_READY, WRONG_PASSWORD, UNAUTHORIZED, SERVER_FAULT, TIMED_OUT, RESET, STALL,
        OVERSIZED, MALFORMED, REFUSED;

        FaultKind fault() {
            return switch (this) {
                case UNAUTHORIZED -> FaultKind.UNAUTHORIZED;
                case SERVER_FAULT -> FaultKind.SERVER_FAULT;
                case TIMED_OUT -> FaultKind.TIMED_OUT;
                case RESET -> FaultKind.RESET;
                case STALL -> FaultKind.STALL;
                case OVERSIZED -> FaultKind.OVERSIZED;
                case MALFORMED -> FaultKind.MALFORMED;
                case REFUSED -> FaultKind.REFUSED;
                default -> null;
            };
        }

        /** How a fleet page groups the host: the domain's classifier over this very error text. */
        FailureCause failureCause() {
            return switch (this) {
                case WRONG_PASSWORD, UNAUTHORIZED -> FailureCause.AUTH;
                case TIMED_OUT, STALL -> FailureCause.TIMEOUT;
                case REFUSED -> FailureCause.REFUSED;
                case SERVER_FAULT, RESET, OVERSIZED, MALFORMED -> FailureCause.PROTOCOL;
                default -> throw new IllegalStateException(name());
            };
        }

        boolean healthy() {
            return this == HEALTHY_READY || this == HEALTHY_NOT_READY;
        }

        /** The phrase that tells a human what went wrong, in the host's {@code error}. */
        Pattern cause() {
            return switch (this) {
                case WRONG_PASSWORD -> Pattern.compile("HTTP 401.*credentials rejected.*wrong user name or password");
                case UNAUTHORIZED -> Pattern.compile("HTTP 401 Unauthorized");
                case SERVER_FAULT -> Pattern.compile("internal error on the host");
                case TIMED_OUT -> Pattern.compile("timed out on the host");
                case RESET -> Pattern.compile("closed or reset before a complete reply");
                case STALL -> Pattern.compile("no (complete )?answer within (the per-host deadline of )?"
                        + TIMEOUT_SECONDS);
                case OVERSIZED -> Pattern.compile("reply exceeds \\d+ bytes");
                case MALFORMED -> Pattern.compile("malformed XML");
                case REFUSED -> Pattern.compile("connection refused");
                default -> throw new IllegalStateException(name());
            };
        }
    }

    @BeforeAll
    static void evidence() {
        ready = EvidenceFacts.load(files("2008r2-ready"));
        notReady = EvidenceFacts.load(files("2008r2-not-ready"));
    }

    /**
     * 60 hosts: 6 (10%) for each of the eight injected faults (the 401 slice split between the simulator's blanket
     * 401 and a real wrong password), 12 healthy, half ready and half not. Exit code 1: some host is NOT_READY.
     */
    @Test
    void sixty_hosts_ten_percent_failing_each_way() throws IOException {
        List<Way> ways = new ArrayList<>();
        for (Way w : List.of(Way.SERVER_FAULT, Way.TIMED_OUT, Way.RESET, Way.STALL, Way.OVERSIZED, Way.MALFORMED,
                Way.REFUSED)) {
            ways.addAll(List.of(w, w, w, w, w, w));
        }
        ways.addAll(List.of(Way.UNAUTHORIZED, Way.UNAUTHORIZED, Way.UNAUTHORIZED, Way.WRONG_PASSWORD,
                Way.WRONG_PASSWORD, Way.WRONG_PASSWORD));
        for (int i = 0; i < 6; i++) {
            ways.addAll(List.of(Way.HEALTHY_READY, Way.HEALTHY_NOT_READY));
        }
        assertThat(ways).hasSize(60);
        java.util.Collections.shuffle(ways, new java.util.Random(4));
        runFleet(ways, 50, 1);
    }

    /** Only ready and failing hosts: exit code 3 (some host UNKNOWN or unreachable, none NOT_READY). */
    @Test
    void ready_and_failing_hosts_only_exit_3() throws IOException {
        List<Way> ways = new ArrayList<>();
        for (Way w : Way.values()) {
            if (!w.healthy()) {
                ways.add(w);
            }
            ways.add(Way.HEALTHY_READY);
        }
        runFleet(ways, 51, 3);
    }

    private void runFleet(List<Way> ways, int subnet, int expectedExit) throws IOException {
        List<HostSpec> specs = new ArrayList<>();
        Map<String, Way> wayOf = new HashMap<>();
        for (int i = 0; i < ways.size(); i++) {
            Way w = ways.get(i);
            String name = String.format("h%02d-%s", i + 1, w.name().toLowerCase(java.util.Locale.ROOT));
            HostFacts facts = EvidenceFacts.renamed(w == Way.HEALTHY_NOT_READY ? notReady : ready, name);
            char[] account = (w == Way.WRONG_PASSWORD ? WRONG_PASSWORD : PASSWORD).toCharArray();
            HostSpec spec = HostSpec.of(name, "127.0." + subnet + "." + (i + 1), 0, HostSpec.Auth.NTLM, USER,
                    account, facts);
            specs.add(w.fault() == null ? spec : spec.withFault(w.fault()));
            wayOf.put(name, w);
        }
        Path inventory = tmp.resolve("hosts.txt");
        Path jsonl = tmp.resolve("results.jsonl");
        Path report = tmp.resolve("fleet.json");

        try (SimulatedFleet fleet = SimulatedFleet.start(specs,
                SimulatedFleet.Options.defaults().withStallLimit(STALL))) {
            Map<String, String> nameOfTarget = new LinkedHashMap<>();
            for (SimulatedFleet.Endpoint e : fleet.endpoints()) {
                nameOfTarget.put(e.hostPort(), e.name());
            }
            Files.write(inventory, nameOfTarget.keySet());

            Cli.Result r = run("audit", "--inventory", inventory.toString(), "--transport", "http", "--auth", "ntlm",
                    "--user", USER, "-f", "jsonl", "-o", jsonl.toString(), "--report", report.toString(),
                    "--timeout", String.valueOf(TIMEOUT_SECONDS), "--retries", String.valueOf(RETRIES));

            assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(expectedExit);
            assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
            assertThat(Files.readString(jsonl)).doesNotContain(PASSWORD);

            List<String> lines = Files.readAllLines(jsonl);
            assertThat(lines).as("one JSON line per host").hasSize(ways.size());
            Map<String, JsonNode> byName = new HashMap<>();
            for (String line : lines) {
                JsonNode host = JSON.readTree(line);
                String name = nameOfTarget.get(host.path("target").asText());
                assertThat(name).as("target %s", host.path("target")).isNotNull();
                assertThat(byName.put(name, host)).as("%s reported once", name).isNull();
            }
            JsonNode finalReport = JSON.readTree(report.toFile());
            assertThat(finalReport.path("hosts")).hasSize(ways.size());
            assertThat(finalReport.path("summary").path("exitCode").asInt()).isEqualTo(expectedExit);

            for (Map.Entry<String, Way> e : wayOf.entrySet()) {
                String name = e.getKey();
                Way way = e.getValue();
                JsonNode host = byName.get(name);
                HostCounters counters = fleet.counters(name);
                String error = host.path("error").asText("");
                String what = name + " " + counters + ": " + host.path("verdict").asText() + " " + error;
                if (way.healthy()) {
                    assertThat(host.path("verdict").asText()).as(what)
                            .isEqualTo(way == Way.HEALTHY_READY ? "READY" : "NOT_READY");
                    assertThat(host.path("error").isNull()).as(what).isTrue();
                    assertThat(host.path("host").asText()).as("named by its CSName").isEqualTo(name);
                    assertThat(counters.connections()).as("audited in one go: " + what).isEqualTo(1);
                    assertThat(counters.authFailures()).as(what).isZero();
                    continue;
                }
                assertThat(host.path("verdict").asText()).as(what).isEqualTo("UNKNOWN");
                assertThat(host.path("findings")).as(what).isEmpty();
                assertThat(error).as(what).containsPattern(way.cause());
                assertThat(FailureCause.classify(host.path("host").asText(), error)).as(what)
                        .isEqualTo(way.failureCause());
                assertThat(error).as("no stack trace or exception class names: " + what)
                        .doesNotContain("Exception").doesNotContain("\tat ");
                switch (way) {
                    // Permanent: reported at once, never retried.
                    case WRONG_PASSWORD -> {
                        assertThat(counters.authFailures()).as(what).isEqualTo(1);
                        assertThat(counters.connections()).as(what).isEqualTo(1);
                    }
                    case UNAUTHORIZED -> {
                        assertThat(counters.connections()).as(what).isEqualTo(1);
                        assertThat(counters.httpRequests()).as("only the NEGOTIATE: " + what).isEqualTo(1);
                    }
                    case SERVER_FAULT, OVERSIZED, MALFORMED -> {
                        assertThat(counters.connections()).as(what).isEqualTo(1);
                        assertThat(counters.wsmanRequests()).as("the first envelope only: " + what).isEqualTo(1);
                    }
                    // Transient: tried again, 1 + RETRIES times in all (well within the deadline).
                    case TIMED_OUT -> assertThat(counters.wsmanRequests()).as(what).isEqualTo(1 + RETRIES);
                    case RESET -> assertThat(counters.connections()).as(what).isEqualTo(1 + RETRIES);
                    case REFUSED -> assertThat(error).as("nothing listens: the client counts its attempts: " + what)
                            .contains((1 + RETRIES) + " attempts");
                    // Transient too, but one stalled attempt uses the whole deadline.
                    case STALL -> assertThat(counters.connections()).as(what).isEqualTo(1);
                    default -> throw new IllegalStateException(way.name());
                }
            }
        }
    }

    private static Cli.Result run(String... args) {
        return RemoteCli.withWinRm(PASSWORD, args);
    }

    private static List<Path> files(String set) {
        try (Stream<Path> files = Files.list(Cli.examples().resolve(set))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
