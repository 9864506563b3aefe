package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code --resume} audits again the hosts whose earlier result was an error. The real WinRM client and
 * the real simulator: the hosts are unreachable in the first run (nothing listens on their ports yet), then the
 * simulator starts on exactly those ports; {@code --resume --skip-failed} keeps the old results,
 * {@code --resume} retries them.
 */
@DisabledOnOs(OS.WINDOWS)
class ResumeRetriesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "resume-auditor";
    private static final String PASSWORD = "Try-Again-2!";
    private static final int HOSTS = 3;

    @TempDir
    Path tmp;

    @Test
    void resume_audits_again_the_hosts_that_were_unreachable_and_skip_failed_keeps_their_errors() throws Exception {
        HostFacts ready;
        try (Stream<Path> files = Files.list(Cli.examples().resolve("2008r2-ready"))) {
            ready = EvidenceFacts.load(files.filter(Files::isRegularFile).sorted().toList());
        }
        List<HostSpec> specs = new ArrayList<>();
        List<String> inventory = new ArrayList<>();
        for (int i = 1; i <= HOSTS; i++) {
            String address = "127.0.63." + i;
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(address))) {
                port = probe.getLocalPort(); // free now, and nothing listens there until the simulator starts
            }
            String name = "retry-" + i;
            specs.add(HostSpec.of(name, address, port, HostSpec.Auth.NTLM, USER, PASSWORD.toCharArray(),
                    EvidenceFacts.renamed(ready, name)));
            inventory.add(address + ":" + port);
        }
        Path hosts = Files.write(tmp.resolve("hosts.txt"), inventory);
        Path results = tmp.resolve("results.jsonl");
        List<String> args = new ArrayList<>(List.of("audit", "--inventory", hosts.toString(), "--transport", "http",
                "--user", USER, "-f", "jsonl", "-o", results.toString(), "--retries", "0", "--timeout", "10"));

        Cli.Result first = RemoteCli.withWinRm(PASSWORD, args.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
        assertThat(Files.readAllLines(results)).hasSize(HOSTS)
                .allSatisfy(l -> assertThat(JSON.readTree(l).hasNonNull("error")).as(l).isTrue());

        try (SimulatedFleet fleet = SimulatedFleet.start(specs)) {
            assertThat(fleet.endpoints()).hasSize(HOSTS);
            args.add("--resume");
            List<String> skipping = new ArrayList<>(args);
            skipping.add("--skip-failed");
            Cli.Result kept = RemoteCli.withWinRm(PASSWORD, skipping.toArray(String[]::new));
            assertThat(kept.err()).contains("resuming " + results + ": 3 of 3 hosts skipped as done, 0 failed "
                    + "hosts retried (--skip-failed), 0 not audited yet");
            assertThat(kept.exitCode()).as(kept.err()).isEqualTo(3);
            assertThat(Files.readAllLines(results)).hasSize(HOSTS);

            Cli.Result retried = RemoteCli.withWinRm(PASSWORD, args.toArray(String[]::new));
            assertThat(retried.err()).contains("resuming " + results + ": 0 of 3 hosts skipped as done, 3 failed "
                    + "hosts retried, 0 not audited yet");
            assertThat(retried.exitCode()).as(retried.err()).isZero();
            List<String> lines = Files.readAllLines(results);
            assertThat(lines).hasSize(2 * HOSTS);
            for (String l : lines.subList(HOSTS, lines.size())) {
                JsonNode host = JSON.readTree(l);
                assertThat(host.path("verdict").asText()).as(l).isEqualTo("READY");
            }

            Cli.Result again = RemoteCli.withWinRm(PASSWORD, args.toArray(String[]::new));
            assertThat(again.err()).as("the last line of a host wins").contains("3 of 3 hosts skipped as done, 0 "
                    + "failed hosts retried");
            assertThat(again.exitCode()).isZero();
        }
    }
}
