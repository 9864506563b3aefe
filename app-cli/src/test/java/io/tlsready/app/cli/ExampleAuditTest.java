package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example set in examples/ gets the verdict, exit code and core statuses its README promises. */
class ExampleAuditTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("2008r2-not-ready", "NOT_READY", 1, Map.of("OS_SUPPORTED", "PASS",
                        "OS_TLS12_UPDATE", "FAIL", "SCHANNEL_TLS12_CLIENT", "FAIL",
                        "WINHTTP_DEFAULT_SECURE_PROTOCOLS", "FAIL", "NETFX_VERSION", "PASS",
                        "NETFX_STRONG_CRYPTO", "FAIL", "AZURE_ROOT_CAS", "WARN")),
                Arguments.of("2008r2-ready", "READY", 0, Map.of("OS_TLS12_UPDATE", "PASS",
                        "SCHANNEL_TLS12_CLIENT", "PASS", "WINHTTP_DEFAULT_SECURE_PROTOCOLS", "PASS",
                        "NETFX_STRONG_CRYPTO", "PASS", "SCHANNEL_TLS12_SERVER", "WARN", "MARS_AGENT", "INFO",
                        "AZURE_ROOT_CAS", "PASS")),
                Arguments.of("2012r2-ready-controlset", "READY", 0, Map.of("OS_TLS12_UPDATE", "NOT_APPLICABLE",
                        "SCHANNEL_TLS12_CLIENT", "PASS", "WINHTTP_DEFAULT_SECURE_PROTOCOLS", "NOT_APPLICABLE",
                        "NETFX_VERSION", "PASS", "NETFX_STRONG_CRYPTO", "PASS", "AZURE_ROOT_CAS", "PASS")),
                Arguments.of("2019-incomplete", "UNKNOWN", 3, Map.of("OS_SUPPORTED", "PASS",
                        "SCHANNEL_TLS12_CLIENT", "PASS", "NETFX_VERSION", "PASS", "NETFX_STRONG_CRYPTO", "UNKNOWN",
                        "AZURE_ROOT_CAS", "UNKNOWN")),
                Arguments.of("2008sp2-x86-legacy-value", "READY", 0, Map.of("OS_TLS12_UPDATE", "PASS",
                        "SCHANNEL_TLS12_CLIENT", "PASS", "SCHANNEL_LEGACY_ENABLED_VALUE", "INFO",
                        "WINHTTP_DEFAULT_SECURE_PROTOCOLS", "NOT_APPLICABLE", "NETFX_STRONG_CRYPTO", "PASS",
                        "AZURE_ROOT_CAS", "INFO")),
                Arguments.of("2003-unsupported", "NOT_READY", 1, Map.of("OS_SUPPORTED", "FAIL")));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("examples")
    void example_sets_get_the_verdict_their_readme_promises(String set, String verdict, int exit,
            Map<String, String> statuses) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--format", "json"));
        args.addAll(Cli.snapshotArgs(set));
        Cli.Result r = Cli.run(args.toArray(String[]::new));

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(exit);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.path("schema").asText()).isEqualTo("tlsready.report/v1");
        JsonNode host = report.path("hosts").get(0);
        assertThat(host.path("verdict").asText()).isEqualTo(verdict);
        Map<String, String> actual = new HashMap<>();
        host.path("findings").forEach(f -> actual.put(f.path("rule").asText(), f.path("status").asText()));
        assertThat(actual).containsAllEntriesOf(statuses).hasSize(15);
        assertThat(report.path("summary").path("exitCode").asInt()).isEqualTo(exit);
    }

    @org.junit.jupiter.api.Test
    void the_mounted_volume_example_gets_the_findings_of_its_evidence_set() throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--format", "json"));
        args.addAll(Cli.snapshotArgs("2008r2-not-ready"));
        Cli.Result fromFiles = Cli.run(args.toArray(String[]::new));
        Cli.Result fromHives = Cli.run("audit", "--format", "json", "--hives",
                Cli.examples().resolve("2008r2-not-ready-volume").toString());

        assertThat(fromHives.exitCode()).isEqualTo(1).isEqualTo(fromFiles.exitCode());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(fromFiles.out()).path("hosts").get(0);
        JsonNode b = json.readTree(fromHives.out()).path("hosts").get(0);
        assertThat(b.path("host").asText()).isEqualTo("MABS01");
        assertThat(b.path("os").path("name")).isEqualTo(a.path("os").path("name"));
        for (int i = 0; i < a.path("findings").size(); i++) {
            assertThat(b.path("findings").get(i).path("status")).as(a.path("findings").get(i).path("rule").asText())
                    .isEqualTo(a.path("findings").get(i).path("status"));
        }
    }
}
