package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.sim.SimulatedFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 5, "a killed run loses nothing", with real processes: the simulator ({@code tlsready-sim}'s main,
 * a fleet with 20 ms latency and {@code --registry-out}) and the CLI ({@code tlsready fix --inventory … --apply
 * -f jsonl -o FILE --concurrency 2}) each run as their own JVM, from this build's classes (the launchers would
 * start a Maven build inside this one). The CLI is killed with SIGKILL while a host is in flight with its journal
 * written; then every journal rolls back, {@code fix --resume} finishes the hosts the JSON lines do not have, the
 * resumed run's journals roll back too, and every host's registry ends byte-equal to a pristine run's.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(120)
class FixFleetKillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "fleet-fixer";
    private static final String PASSWORD = "K1ll-Mid-Fix-" + System.nanoTime();
    private static final int HOSTS = 6;
    private static final String BASE = "127.0.72.1";
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");

    @TempDir
    Path tmp;

    @Test
    void a_fix_killed_mid_fleet_loses_nothing_every_journal_rolls_back_and_resume_finishes_the_rest()
            throws Exception {
        Path pristine = Files.createDirectories(tmp.resolve("pristine")).resolve("reg.reg");
        stop(simulator(pristine, "0", "pristine"));

        Path after = Files.createDirectories(tmp.resolve("after")).resolve("reg.reg");
        Path inventory = tmp.resolve("hosts.txt");
        Path jsonl = tmp.resolve("fix.jsonl");
        Path journals = tmp.resolve("journals");
        Process sim = simulator(after, "20", "sim", "--endpoints-out", inventory.toString());
        try {
            List<String> targets = Files.readAllLines(inventory);
            assertThat(targets).hasSize(HOSTS);
            List<String> fix = List.of("fix", "--inventory", inventory.toString(), "--transport", "http", "--user",
                    USER, "--apply", "-f", "jsonl", "-o", jsonl.toString(), "--concurrency", "2", "--backup-dir",
                    journals.toString());
            Path killedErr = tmp.resolve("killed.err");
            Process killed = start(cli(fix), killedErr);
            awaitInFlightJournal(jsonl, journals, killed, killedErr);
            killed.destroyForcibly(); // SIGKILL: no shutdown hook, no last line
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.exitValue()).isEqualTo(137);

            // The lines that exist are whole JSON, one per finished host, and not every host finished.
            String written = Files.exists(jsonl) ? Files.readString(jsonl) : "";
            assertThat(written).endsWith("\n");
            Set<String> done = new HashSet<>();
            for (String line : written.lines().toList()) {
                JsonNode host = JSON.readTree(line);
                assertThat(host.path("error").isNull()).as(line).isTrue();
                assertThat(done.add(host.path("target").asText())).isTrue();
            }
            assertThat(done).isNotEmpty().hasSizeLessThan(HOSTS);
            // A journal for each finished host, and for the host in flight when it was killed (seen by
            // awaitInFlightJournal; between that look and the kill it may have finished and written its line too).
            List<Path> killedJournals = journals(journals);
            assertThat(killedJournals).as("a journal for each finished host").hasSizeGreaterThanOrEqualTo(done.size());
            for (String target : done) {
                String host = target.contains(":") ? target.substring(0, target.indexOf(':')) : target;
                assertThat(killedJournals).as("the journal of finished host " + target)
                        .anyMatch(j -> j.getFileName().toString().startsWith(host + "-"));
            }

            // Every journal of the killed run rolls back.
            Cli.Result undone = run(rollback(killedJournals), "rollback-killed");
            assertThat(undone.exitCode()).as(undone.out() + undone.err()).isEqualTo(ExitCode.READY);

            // --resume fixes exactly the hosts the lines do not have.
            Cli.Result resumed = run(cli(concat(fix, "--resume")), "resumed");
            assertThat(resumed.err()).contains(done.size() + " of " + HOSTS + " hosts already done");
            List<String> all = Files.readAllLines(jsonl);
            assertThat(all).hasSize(HOSTS);
            Set<String> allTargets = new HashSet<>();
            for (String line : all) {
                JsonNode host = JSON.readTree(line);
                assertThat(host.path("error").isNull()).as(line).isTrue();
                allTargets.add(host.path("target").asText());
            }
            assertThat(allTargets).containsExactlyInAnyOrderElementsOf(targets);
            List<Path> resumedJournals = new ArrayList<>(journals(journals));
            resumedJournals.removeAll(killedJournals);
            assertThat(resumedJournals).hasSize(HOSTS - done.size());

            Cli.Result undoneAgain = run(rollback(resumedJournals), "rollback-resumed");
            assertThat(undoneAgain.exitCode()).as(undoneAgain.out() + undoneAgain.err()).isEqualTo(ExitCode.READY);
        } finally {
            stop(sim);
        }
        assertThat(Files.readString(tmp.resolve("sim.out"))).contains("registry writes");
        for (int i = 1; i <= HOSTS; i++) {
            String address = "127.0.72." + i;
            assertThat(Files.readAllBytes(SimulatedFleet.registryFile(after, address, true)))
                    .as("%s's registry after kill, rollback, resume and rollback", address)
                    .isEqualTo(Files.readAllBytes(SimulatedFleet.registryFile(pristine, address, true)));
        }
    }

    @Test
    void ctrl_c_on_a_fleet_fix_says_how_far_it_got_prints_the_resume_command_and_exits_130() throws Exception {
        Path after = Files.createDirectories(tmp.resolve("int")).resolve("reg.reg");
        Path inventory = tmp.resolve("hosts-int.txt");
        Path jsonl = tmp.resolve("fix-int.jsonl");
        Path journals = tmp.resolve("journals-int");
        Process sim = simulator(after, "20", "sim-int", "--endpoints-out", inventory.toString());
        try {
            List<String> fix = List.of("fix", "--inventory", inventory.toString(), "--transport", "http", "--user",
                    USER, "--apply", "-f", "jsonl", "-o", jsonl.toString(), "--concurrency", "2", "--backup-dir",
                    journals.toString());
            List<String> command = new ArrayList<>();
            if (FleetInterruptIT.sigintIgnored()) {
                // a background job of a non-interactive shell inherits SIGINT ignored; the JVM would keep ignoring it
                command.addAll(List.of("env", "--default-signal=INT"));
            }
            command.addAll(cli(fix));
            Path err = tmp.resolve("interrupted.err");
            Process cli = start(command, err);
            awaitInFlightJournal(jsonl, journals, cli, err);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("stops after SIGINT").isTrue();
            String text = Files.readString(err);
            assertThat(cli.exitValue()).as(text).isEqualTo(ExitCode.INTERRUPTED);
            int lines = 0; // hosts fixed; a host not started has a line with its error
            for (String l : Files.readAllLines(jsonl)) {
                lines += JSON.readTree(l).path("error").isNull() ? 1 : 0;
            }
            assertThat(lines).isBetween(1, HOSTS - 1);
            assertThat(text).contains("tlsready: interrupted: " + lines + " of " + HOSTS + " hosts done; results in "
                    + jsonl).contains("tlsready: to fix the " + (HOSTS - lines) + " hosts left, run: ")
                    .contains(" --resume");
        } finally {
            stop(sim);
        }
    }

    /** Waits until some host has finished and another has its journal on disk but no line yet: it is in flight. */
    private static void awaitInFlightJournal(Path jsonl, Path journals, Process p, Path stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            int lines = Files.exists(jsonl) ? Files.readAllLines(jsonl).size() : 0;
            if (lines >= 1 && lines < HOSTS && journals(journals).size() > lines) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the CLI ended before it could be killed (" + p.exitValue() + "): "
                        + Files.readString(stderr));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no host in flight with its journal in time: " + Files.readString(stderr));
    }

    private static List<Path> journals(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".journal.json")).sorted().toList();
        }
    }

    private static List<String> rollback(List<Path> journals) {
        List<String> args = new ArrayList<>(List.of("rollback"));
        journals.forEach(j -> args.add(j.toString()));
        args.addAll(List.of("--user", USER));
        return cli(args);
    }

    /** The simulator as its own process; returns once it printed {@code ready}. */
    private Process simulator(Path registryOut, String latencyMs, String name, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath(), "io.tlsready.sim.SimulatorMain", "--user", USER, "--hosts",
                String.valueOf(HOSTS), "--base", BASE, "--listen", BASE + ":0", "--latency", latencyMs,
                "--registry-out", registryOut.toString(), "--duration", "300", "--evidence"));
        try (Stream<Path> files = Files.list(Cli.examples().resolve("2008r2-not-ready"))) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> command.add(f.toString()));
        }
        command.addAll(List.of(more));
        Path out = tmp.resolve(name + ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().put(Passwords.VARIABLE, PASSWORD);
        Process p = pb.start();
        p.getOutputStream().close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.readString(out).lines().anyMatch(l -> l.startsWith("ready"))) {
                return p;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the simulator ended (" + p.exitValue() + "): "
                        + Files.readString(tmp.resolve(name + ".err")));
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("the simulator was not ready in 60 s");
    }

    /** SIGTERM: the simulator writes every host's registry (--registry-out) and its counters, then exits. */
    private static void stop(Process sim) throws InterruptedException {
        sim.destroy();
        if (!sim.waitFor(30, TimeUnit.SECONDS)) {
            sim.destroyForcibly();
            throw new AssertionError("the simulator did not stop on SIGTERM");
        }
    }

    private static List<String> cli(List<String> args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath(), Main.class.getName()));
        command.addAll(args);
        return command;
    }

    private static List<String> concat(List<String> args, String more) {
        List<String> all = new ArrayList<>(args);
        all.add(more);
        return all;
    }

    private Process start(List<String> command, Path stderr) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(tmp.resolve(stderr.getFileName() + ".out").toFile());
        pb.environment().put(Passwords.VARIABLE, PASSWORD);
        pb.environment().remove("NO_COLOR");
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private Cli.Result run(List<String> command, String name) throws Exception {
        Path err = tmp.resolve(name + ".err");
        Process p = start(command, err);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 90 s: " + Files.readString(err));
        }
        return new Cli.Result(p.exitValue(), Files.readString(tmp.resolve(name + ".err.out"), StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }
}
