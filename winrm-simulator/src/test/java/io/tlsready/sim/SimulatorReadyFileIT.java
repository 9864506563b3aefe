package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlsready-sim --ready-file FILE}, the packaged simulator as a real process: what a script waiting with
 * {@code until [ -e FILE ]} may rely on. When the file appears every simulated host accepts connections and the
 * endpoints file is complete; a file left by an earlier run is gone before anything can fail.
 */
@Timeout(180)
class SimulatorReadyFileIT {

    @TempDir
    Path tmp;

    private Process start(String... extra) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Path jar = target.resolve("tlsready-winrm-simulator.jar");
        assertThat(jar).as("the packaged simulator (Failsafe runs after package)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-cp", jar + java.io.File.pathSeparator + target.resolve("lib")
                        .resolve("*"), "io.tlsready.sim.SimulatorMain", "--evidence"));
        TestFleets.files(TestFleets.examples().resolve("2008r2-not-ready")).forEach(f -> command.add(f
                .toAbsolutePath().toString()));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("sim.log").toFile());
        pb.environment().put("TLSREADY_PASSWORD", "demo-Passw0rd");
        return pb.start();
    }

    /** What {@code until [ -e FILE ]; do sleep 0.2; done} does, with the process's death as the other way out. */
    private static boolean awaitFile(Path file, Process process) throws InterruptedException {
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                return Files.exists(file);
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private String log() throws IOException {
        return Files.readString(tmp.resolve("sim.log"), StandardCharsets.UTF_8);
    }

    @Test
    void when_the_ready_file_of_a_500_host_fleet_appears_every_host_listens_and_every_endpoint_is_listed()
            throws Exception {
        Path ready = tmp.resolve("sim.ready");
        Path endpoints = tmp.resolve("hosts.txt");
        Process sim = start("--user", "demo", "--hosts", "500", "--base", "127.0.77.1", "--listen", "127.0.0.1:0",
                "--endpoints-out", endpoints.toString(), "--ready-file", ready.toString());
        try {
            assertThat(awaitFile(ready, sim)).as("ready file; simulator said:%n%s", log()).isTrue();
            List<String> hosts = Files.readAllLines(endpoints, StandardCharsets.UTF_8);
            assertThat(hosts).hasSize(500).doesNotHaveDuplicates();
            for (String hostPort : hosts) {
                int colon = hostPort.lastIndexOf(':');
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort
                            .substring(colon + 1))), 10_000);
                    assertThat(s.isConnected()).as(hostPort).isTrue();
                }
            }
            assertThat(Files.readString(ready, StandardCharsets.UTF_8)).isEqualTo("ready pid=" + sim.pid()
                    + " hosts=500\n");
            try (Stream<Path> files = Files.list(tmp)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted())
                        .as("no temporary file is left beside the ready file")
                        .containsExactly("hosts.txt", "sim.log", "sim.ready");
            }
            assertThat(log()).contains("endpoints written to", "ready; Ctrl-C stops");
        } finally {
            stop(sim);
        }
    }

    @Test
    void one_host_is_ready_when_its_port_accepts_and_the_certificate_is_written_before_the_ready_file()
            throws Exception {
        Path ready = tmp.resolve("ready");
        Path pem = tmp.resolve("sim.pem");
        Process sim = start("--user", "demo", "--auth", "basic-https", "--listen", "127.0.0.1:0", "--cert-out",
                pem.toString(), "--ready-file", ready.toString());
        try {
            assertThat(awaitFile(ready, sim)).as("ready file; simulator said:%n%s", log()).isTrue();
            assertThat(Files.readString(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----")
                    .contains("-----END CERTIFICATE-----");
            assertThat(Files.readString(ready, StandardCharsets.UTF_8)).isEqualTo("ready pid=" + sim.pid()
                    + " hosts=1\n");
        } finally {
            stop(sim);
        }
    }

    @Test
    void a_stale_ready_file_is_removed_before_the_simulator_can_fail() throws Exception {
        Path ready = tmp.resolve("sim.ready");
        Files.writeString(ready, "ready pid=1 hosts=1\n");
        Path missing = tmp.resolve("no-such-evidence.reg");
        Process sim = start("--user", "demo", "--listen", "127.0.0.1:0", "--ready-file", ready.toString(),
                "--evidence", missing.toString());
        assertThat(sim.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(sim.exitValue()).as(log()).isEqualTo(2);
        assertThat(log()).contains("no-such-evidence.reg");
        assertThat(ready).as("a waiter must not take an earlier run's file for this one").doesNotExist();
    }

    @Test
    void a_simulator_that_cannot_bind_its_port_never_writes_the_ready_file() throws Exception {
        Path ready = tmp.resolve("sim.ready");
        Files.writeString(ready, "ready pid=1 hosts=1\n");
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(
                "127.0.0.1"))) {
            Process sim = start("--user", "demo", "--listen", "127.0.0.1:" + busy.getLocalPort(), "--ready-file",
                    ready.toString());
            assertThat(sim.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(sim.exitValue()).as(log()).isEqualTo(2);
            assertThat(ready).doesNotExist();
        }
    }
}
