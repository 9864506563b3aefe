package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.KerberosTestRealm;
import io.tlsready.sim.SelfSignedCertificate;
import io.tlsready.sim.SimulatedFleet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, first judging criterion: against the simulator, a host audited over WinRM gives the same report as its
 * offline evidence, for every evidence set in examples/ (the .reg/systeminfo sets and the hive volume), over NTLM
 * with message encryption (http) and over Basic/HTTPS (certificate trusted once with {@code --ca-cert}, once with
 * {@code --pin-sha256}), and over Kerberos against a real MIT KDC on loopback (http with Kerberos message
 * encryption, the TGT by password login; https with the TGT from a kinit ticket cache). Everything is real: the CLI's wiring ({@link WinRmModule}), the Netty transport, NTLM
 * sealing, TLS, WS-Man parsing, the rules and the JSON renderer; the password comes from the environment.
 *
 * <p>The reports are compared whole, after removing only what legitimately differs between an offline and a
 * remote source ({@link #normalise}).
 */
@Timeout(120)
class RemoteEqualsOfflineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "sim-auditor";
    private static final String PASSWORD = "Rem0te=Offline!";

    @TempDir
    static Path tmp;

    /** How the CLI reaches the simulated host. */
    private enum Way {
        NTLM_HTTP, BASIC_HTTPS_CA_CERT, BASIC_HTTPS_PIN,
        /** Kerberos with message encryption; the TGT by password login (TLSREADY_PASSWORD) against the test KDC. */
        KERBEROS_HTTP,
        /** Kerberos over HTTPS; the TGT from a ticket cache kinit made (KRB5CCNAME). */
        KERBEROS_HTTPS
    }

    @TestFactory
    Stream<DynamicContainer> every_example_set_audits_the_same_over_winrm_as_offline() {
        List<Path> sets = exampleSets();
        assertThat(sets).as("examples/: six .reg/systeminfo sets and the hive volume").hasSize(7)
                .anyMatch(p -> p.getFileName().toString().equals("2008r2-not-ready-volume"));
        List<DynamicContainer> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            Path set = sets.get(i);
            int index = i;
            out.add(DynamicContainer.dynamicContainer(set.getFileName().toString(), Stream.of(Way.values())
                    .map(way -> DynamicTest.dynamicTest("over " + way, () -> check(set, index, way)))));
        }
        return out.stream();
    }

    private static void check(Path set, int index, Way way) throws IOException {
        boolean hive = isHiveVolume(set);
        List<String> offlineArgs = new ArrayList<>(List.of("audit", "--format", "json"));
        if (hive) {
            offlineArgs.addAll(List.of("--hives", set.toString()));
        } else {
            offlineArgs.add("--snapshot");
            files(set).forEach(f -> offlineArgs.add(f.toString()));
        }
        Cli.Result offline = Cli.run(offlineArgs.toArray(String[]::new));
        assertThat(offline.exitCode()).as(offline.err()).isIn(0, 1, 3);

        HostFacts facts = EvidenceFacts.load(hive ? List.of(set) : files(set));
        boolean kerberos = way == Way.KERBEROS_HTTP || way == Way.KERBEROS_HTTPS;
        KerberosTestRealm realm = kerberos ? KerberosRealms.shared() : null;
        HostSpec.Auth auth = way == Way.NTLM_HTTP ? HostSpec.Auth.NTLM : HostSpec.Auth.BASIC_HTTPS;
        // Kerberos names the host by its SPN, HTTP/localhost: the simulated host listens on 127.0.0.1.
        String address = kerberos ? "127.0.0.1" : "127.0." + (way == Way.NTLM_HTTP ? 42 : 43) + "." + (index + 1);
        HostSpec spec = kerberos ? HostSpec.kerberos("winrm-" + index, address, 0, way == Way.KERBEROS_HTTPS,
                realm.keytab(), facts) : HostSpec.of("winrm-" + index, address, 0, auth, USER, PASSWORD.toCharArray(),
                facts);
        Map<String, String> env = new HashMap<>();
        env.put(Passwords.VARIABLE, kerberos ? new String(realm.password()) : PASSWORD);
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(spec))) {
            SimulatedFleet.Endpoint endpoint = fleet.endpoints().get(0);
            String hostPort = kerberos ? KerberosTestRealm.SERVICE_HOST + ":" + endpoint.port() : endpoint.hostPort();
            String user = kerberos ? realm.principal() : USER;
            List<String> args = new ArrayList<>(List.of("audit", "--host", hostPort, "--user", user,
                    "--format", "json", "--timeout", "30", "--retries", "0"));
            switch (way) {
                case NTLM_HTTP -> args.addAll(List.of("--transport", "http", "--auth", "ntlm"));
                case BASIC_HTTPS_CA_CERT -> {
                    SelfSignedCertificate cert = fleet.certificate().orElseThrow();
                    Path pem = Files.writeString(tmp.resolve("sim-" + index + ".pem"), cert.pem(),
                            StandardCharsets.US_ASCII);
                    args.addAll(List.of("--transport", "https", "--auth", "basic", "--ca-cert", pem.toString()));
                }
                case BASIC_HTTPS_PIN -> args.addAll(List.of("--transport", "https", "--auth", "basic",
                        "--pin-sha256", fleet.certificate().orElseThrow().sha256()));
                case KERBEROS_HTTP -> {
                    args.addAll(List.of("--transport", "http", "--auth", "kerberos"));
                    env.putAll(realm.clientEnvironment(null));
                }
                case KERBEROS_HTTPS -> {
                    args.addAll(List.of("--transport", "https", "--auth", "kerberos", "--pin-sha256",
                            fleet.certificate().orElseThrow().sha256()));
                    Path ccache = tmp.resolve("ccache-" + index);
                    realm.kinit(ccache);
                    env.remove(Passwords.VARIABLE);
                    env.putAll(realm.clientEnvironment(ccache));
                }
                default -> throw new IllegalStateException(way.toString());
            }
            Cli.Result remote = runRemote(args, env);
            if (kerberos) {
                assertThat(remote.err()).doesNotContain(new String(realm.password()));
                assertThat(remote.out()).doesNotContain(new String(realm.password()));
            }

            assertThat(remote.exitCode()).as("exit code; stderr: %s; report: %s", remote.err(), remote.out())
                    .isEqualTo(offline.exitCode());
            assertThat(remote.out()).doesNotContain(PASSWORD);
            assertThat(remote.err()).doesNotContain(PASSWORD);
            JsonNode off = JSON.readTree(offline.out()).path("hosts").get(0);
            JsonNode rem = JSON.readTree(remote.out()).path("hosts").get(0);

            // What must differ: where the facts came from.
            assertThat(rem.path("source").asText()).isEqualTo("WinRM " + (kerberos ? endpoint.uri()
                    .replace(address, KerberosTestRealm.SERVICE_HOST) : endpoint.uri()));
            assertThat(rem.path("provenance")).singleElement().satisfies(p -> {
                assertThat(p.path("kind").asText()).isEqualTo("winrm");
                assertThat(p.path("detail").asText()).contains(fleet.counters(spec.name()).wsmanRequests()
                        + " requests");
            });
            assertThat(rem.path("error").isNull()).as("remote error: %s", rem.path("error")).isTrue();
            // The authenticated, encrypted session was really used: every envelope answered, nothing failed.
            assertThat(fleet.counters(spec.name()).authFailures()).isZero();
            assertThat(fleet.counters(spec.name()).wsmanRequests()).isGreaterThan(2);

            // Spelled out, for readable failures, then the whole host report.
            assertThat(rem.path("verdict")).isEqualTo(off.path("verdict"));
            assertThat(rem.path("os")).isEqualTo(off.path("os"));
            assertThat(rules(rem)).isEqualTo(rules(off));
            // The remote client names a host by Win32_OperatingSystem's CSName, which the simulator can serve only
            // from a systeminfo record; a hive volume has none (the offline reader names it from the hive's
            // ComputerName key), so over WinRM that host is named by its address.
            boolean named = facts.systemInfo().isPresent();
            if (!named) {
                assertThat(rem.path("host").asText()).isEqualTo(kerberos ? KerberosTestRealm.SERVICE_HOST : address);
            }
            JsonNode want = normalise(off, named);
            JsonNode got = normalise(rem, named);
            for (int f = 0; f < want.path("findings").size(); f++) {
                assertThat(got.path("findings").get(f)).as("finding %s",
                        want.path("findings").get(f).path("rule").asText()).isEqualTo(want.path("findings").get(f));
            }
            assertThat(got).isEqualTo(want);
        }
    }

    /**
     * The only differences allowed between the remote and the offline report of the same evidence:
     * <ul>
     * <li>{@code source}: "offline evidence: a.reg, …" / "hive files: …" vs "WinRM http://127.0.42.1:N/wsman";</li>
     * <li>{@code provenance}: the files read vs the WinRM endpoint and its request count;</li>
     * <li>each evidence item's {@code origin}: "schannel.reg:12" vs "WMI StdRegProv over WinRM", and the evidence
     *     file and line an offline item was read at ({@code file}, {@code line}; a remote one has none);</li>
     * <li>{@code target}: the host:port a remote audit contacted (offline evidence has none);</li>
     * <li>the reason after {@code NOT_COLLECTED: } in {@code observed}: the offline reader says which export to
     *     add, the simulated host denies the key (its only way to serve "never collected", see the simulator's
     *     SimulatedRegistry) and the client says so. The state itself must match;</li>
     * <li>{@code warnings}' locations name the file vs the host (their messages are kept);</li>
     * <li>the host name, only when the evidence has no systeminfo record to serve as Win32_OperatingSystem
     *     (the hive volume): then the remote report names the host by its address.</li>
     * </ul>
     */
    private static JsonNode normalise(JsonNode host, boolean offlineHasName) {
        ObjectNode h = host.deepCopy();
        h.remove(List.of("source", "provenance", "target"));
        if (!offlineHasName) {
            h.remove("host");
        }
        for (JsonNode finding : h.path("findings")) {
            for (JsonNode e : finding.path("evidence")) {
                ObjectNode ev = (ObjectNode) e;
                ev.remove(List.of("origin", "file", "line"));
                String observed = ev.path("observed").asText();
                if (observed.startsWith("NOT_COLLECTED")) {
                    ev.put("observed", "NOT_COLLECTED");
                }
            }
        }
        ArrayNode warnings = JSON.createArrayNode();
        for (JsonNode w : h.path("warnings")) {
            ObjectNode copy = w.deepCopy();
            copy.remove("location");
            warnings.add(copy);
        }
        h.set("warnings", warnings);
        return h;
    }

    private static List<String> rules(JsonNode host) {
        List<String> out = new ArrayList<>();
        host.path("findings").forEach(f -> out.add(f.path("rule").asText() + "=" + f.path("status").asText()));
        return out;
    }

    private static Cli.Result runRemote(List<String> args, Map<String, String> env) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                RemoteCli.env(env), new WinRmModule(WsmanOptions.defaults(), env::get));
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private static List<Path> exampleSets() {
        try (Stream<Path> dirs = Files.list(Cli.examples())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHiveVolume(Path set) {
        return files(set).isEmpty();
    }

    private static List<Path> files(Path set) {
        try (Stream<Path> files = Files.list(set)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
