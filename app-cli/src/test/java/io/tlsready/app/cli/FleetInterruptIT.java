package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.app.cli.fleet.ResumeCommand;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 4, for real: the CLI runs as its own process against a simulated fleet of fast and slow hosts, gets
 * SIGINT (what Ctrl-C sends) or SIGTERM while slow hosts are in flight, and must exit 130 / 143 with every finished
 * host on disk as a whole JSON line, say how far it got (counts that agree with the file), and print a resume
 * command which, run as printed by a POSIX shell, audits exactly the hosts left.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(300)
class FleetInterruptIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "fleet-auditor";
    private static final String PASSWORD = "Int3rrupt-Me!";
    private static final int FAST = 6;
    private static final int SLOW = 6;
    private static final int CONCURRENCY = 3;
    /** Per request; a slow host needs ~36 requests, so ~5 s: long enough to be caught in flight. */
    private static final Duration SLOW_LATENCY = Duration.ofMillis(150);
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");
    private static final Pattern STOPPED = Pattern.compile("tlsready: interrupted: (\\d+) of (\\d+) hosts done \\(\\d+ READY, \\d+ NOT_READY, \\d+ UNKNOWN\\), (\\d+)"
            + " in flight \\(stopped, not recorded\\), (\\d+) not started; results in (.+)");
    private static final Pattern RESUME = Pattern.compile("tlsready: to audit the (\\d+) hosts left, run: (.+)");

    private static HostFacts ready;

    @TempDir
    Path tmp;

    @BeforeAll
    static void evidence() throws IOException {
        try (Stream<Path> files = Files.list(Cli.examples().resolve("2008r2-ready"))) {
            ready = EvidenceFacts.load(files.filter(Files::isRegularFile).sorted().toList());
        }
    }

    @Test
    void ctrl_c_reports_progress_and_a_resume_command_that_finishes_the_fleet() throws Exception {
        interruptAndResume("INT", 130, 60);
    }

    @Test
    void sigterm_does_the_same_and_exits_143() throws Exception {
        interruptAndResume("TERM", 143, 61);
    }

    private void interruptAndResume(String signal, int expectedExit, int subnet) throws Exception {
        List<HostSpec> specs = new ArrayList<>();
        for (int i = 0; i < FAST + SLOW; i++) {
            boolean slow = i >= FAST;
            String name = (slow ? "slow-" : "fast-") + (i + 1);
            HostSpec spec = HostSpec.of(name, "127.0." + subnet + "." + (i + 1), 0, HostSpec.Auth.NTLM, USER,
                    PASSWORD.toCharArray(), EvidenceFacts.renamed(ready, name));
            specs.add(slow ? spec.withLatency(SLOW_LATENCY) : spec);
        }
        // Paths a shell must be given quoted: a space, parentheses, a single quote.
        Path run = Files.createDirectories(tmp.resolve("run dir"));
        Path inventory = run.resolve("hosts (it's).txt");
        Path results = run.resolve("results.jsonl");
        Path launcher = launcher(run);
        int total = FAST + SLOW;

        try (SimulatedFleet fleet = SimulatedFleet.start(specs)) {
            List<String> targets = fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList();
            Files.write(inventory, targets);
            List<String> args = List.of("audit", "--inventory", inventory.toString(), "--transport", "http", "--user",
                    USER, "-f", "jsonl", "-o", results.toString(), "--concurrency", String.valueOf(CONCURRENCY),
                    "--timeout", "120", "--retries", "0");

            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-D" + ResumeCommand.LAUNCHER_PROPERTY + "=" + launcher, "-cp", classpath(),
                    Main.class.getName()));
            command.addAll(args);
            Path stderr = tmp.resolve("first-" + signal + ".err");
            Process first = start(command, stderr);

            awaitLines(results, FAST, first, stderr);
            assertThat(first.isAlive()).as("still auditing the slow hosts").isTrue();
            signal(first.pid(), signal);
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stops after SIG%s", signal).isTrue();
            String err = Files.readString(stderr);
            assertThat(first.exitValue()).as("exit code; stderr:%n%s", err).isEqualTo(expectedExit);
            assertThat(err).doesNotContain(PASSWORD);

            // Every finished host is one whole line; the counts printed agree with the file.
            String written = Files.readString(results);
            assertThat(written).endsWith("\n");
            List<String> lines = written.lines().toList();
            Set<String> doneTargets = new HashSet<>();
            for (String line : lines) {
                JsonNode host = JSON.readTree(line);
                assertThat(host.path("verdict").asText()).isEqualTo("READY");
                assertThat(doneTargets.add(host.path("target").asText())).isTrue();
            }
            Matcher stopped = line(STOPPED, err);
            int done = Integer.parseInt(stopped.group(1));
            int inFlight = Integer.parseInt(stopped.group(3));
            int notStarted = Integer.parseInt(stopped.group(4));
            assertThat(Integer.parseInt(stopped.group(2))).isEqualTo(total);
            assertThat(err).as("the verdicts so far").contains(" hosts done (" + done + " READY, 0 NOT_READY, "
                    + "0 UNKNOWN)");
            assertThat(done).as(err).isEqualTo(lines.size()).isGreaterThanOrEqualTo(FAST).isLessThan(total);
            assertThat(inFlight).as(err).isBetween(1, CONCURRENCY);
            assertThat(inFlight + notStarted).as(err).isEqualTo(total - done);
            assertThat(stopped.group(5)).isEqualTo(results.toString());

            // The resume command: the original arguments, quoted for sh, plus --resume.
            Matcher resume = line(RESUME, err);
            assertThat(Integer.parseInt(resume.group(1))).isEqualTo(total - done);
            String resumeCommand = resume.group(2);
            assertThat(resumeCommand).isEqualTo("'" + launcher + "' audit --inventory '" + inventory.toString()
                    .replace("'", "'\\''") + "' --transport http --user " + USER + " -f jsonl -o '" + results
                    + "' --concurrency 3 --timeout 120 --retries 0 --resume");

            Path resumedErr = tmp.resolve("resumed-" + signal + ".err");
            Process resumed = start(List.of("sh", "-c", resumeCommand), resumedErr);
            assertThat(resumed.waitFor(180, TimeUnit.SECONDS)).as("the resumed run ends").isTrue();
            String resumedText = Files.readString(resumedErr);
            assertThat(resumed.exitValue()).as("every host READY; stderr:%n%s", resumedText).isZero();
            assertThat(resumedText).contains("resuming " + results + ": " + done + " of " + total
                    + " hosts skipped as done, 0 failed hosts retried");

            List<String> all = Files.readAllLines(results);
            assertThat(all).hasSize(total);
            Set<String> allTargets = all.stream().map(l -> read(l).path("target").asText()).collect(Collectors.toSet());
            assertThat(allTargets).containsExactlyInAnyOrderElementsOf(targets);
            // Hosts recorded before the signal were not audited again.
            for (SimulatedFleet.Endpoint e : fleet.endpoints()) {
                if (doneTargets.contains(e.hostPort())) {
                    assertThat(fleet.counters(e.name()).connections()).as(e.name()).isEqualTo(1);
                }
            }
        }
    }

    private static Matcher line(Pattern pattern, String text) {
        for (String l : text.lines().toList()) {
            Matcher m = pattern.matcher(l);
            if (m.matches()) {
                return m;
            }
        }
        throw new AssertionError("no line like " + pattern + " in:\n" + text);
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stand-in for ./tlsready: a shell script that runs this build's CLI. */
    private static Path launcher(Path dir) throws IOException {
        Path script = dir.resolve("tlsready");
        StringBuilder sb = new StringBuilder("#!/bin/sh\nexec ").append(ResumeCommand.quote(java()));
        for (String option : JVM_OPTIONS) {
            sb.append(' ').append(option);
        }
        sb.append(" -cp ").append(ResumeCommand.quote(classpath())).append(' ').append(Main.class.getName())
                .append(" \"$@\"\n");
        Files.writeString(script, sb.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Process start(List<String> command, Path stderr) throws IOException {
        List<String> full = new ArrayList<>();
        if (sigintIgnored()) {
            // A background job of a non-interactive shell inherits SIGINT ignored; the JVM would keep ignoring it.
            full.addAll(List.of("env", "--default-signal=INT"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectError(stderr.toFile())
                .redirectOutput(tmp.resolve(stderr.getFileName() + ".out").toFile());
        Map<String, String> env = pb.environment();
        env.put(Passwords.VARIABLE, PASSWORD);
        env.remove("NO_COLOR");
        return pb.start();
    }

    private static void awaitLines(Path file, int lines, Process p, Path stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= lines) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the CLI ended early (" + p.exitValue() + "): " + Files.readString(stderr));
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no " + lines + " lines in " + file + " in time: " + Files.readString(stderr));
    }

    private static void signal(long pid, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** Whether this JVM was started with SIGINT ignored (as by a shell's background job): then no test can send it. */
    static boolean sigintIgnored() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(l.substring(7).strip(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: assume the default disposition
        }
        return false;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }
}
