package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tlsready-sim command line. */
@Timeout(60)
class SimulatorMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new SimulatorMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args, null);
    }

    private static String[] evidence() {
        return TestFleets.files(TestFleets.examples().resolve("2019-incomplete")).stream().map(Path::toString)
                .toArray(String[]::new);
    }

    @Test
    void the_password_never_comes_from_a_flag() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--evidence", "x.reg", "--user", "u",
            "--password", "p"})).hasMessageContaining("TLSREADY_PASSWORD");
        List<String> args = new java.util.ArrayList<>(List.of("--evidence"));
        args.addAll(List.of(evidence()));
        args.addAll(List.of("--user", "admin", "--duration", "0"));
        assertThat(run(Map.of(), args.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("TLSREADY_PASSWORD");
    }

    @Test
    void the_command_line_options_parse() {
        SimulatorOptions o = SimulatorOptions.parse(new String[] {"--evidence", "a.reg", "b.txt", "--user",
            "admin", "--hosts", "500", "--base", "127.0.1.1", "--latency", "20", "--inject", "reset:0.1",
            "--inject", "timedout:10%", "--auth", "basic-https"});
        assertThat(o.evidence).hasSize(2);
        assertThat(o.hosts).isEqualTo(500);
        assertThat(o.latency.toMillis()).isEqualTo(20);
        assertThat(o.inject).containsEntry(FaultKind.RESET, 0.1).containsEntry(FaultKind.TIMED_OUT, 0.1);
        assertThat(o.auth).isEqualTo(HostSpec.Auth.BASIC_HTTPS);
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--evidence", "a", "--user", "u", "--inject",
            "gremlins:0.1"})).hasMessageContaining("unknown fault");
    }

    @Test
    void serves_a_small_https_fleet_writes_the_cert_and_endpoints(@TempDir Path tmp) throws Exception {
        Path pem = tmp.resolve("sim.pem");
        Path list = tmp.resolve("hosts.txt");
        List<String> args = new java.util.ArrayList<>(List.of("--evidence"));
        args.addAll(List.of(evidence()));
        args.addAll(List.of("--user", "admin", "--auth", "basic-https", "--hosts", "3", "--base", "127.0.9.1",
                "--listen", "127.0.0.1:0", "--inject", "refused:0.34", "--cert-out", pem.toString(),
                "--endpoints-out", list.toString(), "--duration", "0"));
        assertThat(run(Map.of("TLSREADY_PASSWORD", "pw"), args.toArray(String[]::new))).as(err.toString())
                .isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("3 simulated hosts").contains("https://127.0.9.1:").contains("inject refused")
                .containsPattern("certificate SHA-256: [0-9a-f]{64}").doesNotContain("pw")
                .contains("tlsready-sim: served 3 hosts: 0 connections, 0 HTTP requests, 0 WS-Man requests");
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readAllLines(list)).hasSize(3).allMatch(l -> l.matches("127\\.0\\.9\\.\\d:\\d+"));
    }
}
