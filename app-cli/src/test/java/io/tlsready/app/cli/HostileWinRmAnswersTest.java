package io.tlsready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.adapters.winrm.WinRmModule;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.Places;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.FaultKind;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7 (hostile WinRM answers): a simulated host whose computer name, registry key names, value names and string
 * data carry CR/LF, ESC sequences, bidi controls, "]", quotes and U+FFFE. Over the real client (NTLM with message
 * encryption), {@code audit --host -f json} must give those strings back exactly, and the extra hostile names in
 * the host's key listings must not disturb what is read. A host whose reply declares a DOCTYPE with an external
 * entity gets one line, naming the host, and nothing is resolved.
 */
@Timeout(120)
class HostileWinRmAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "hostile-auditor";
    private static final String PASSWORD = "H0stile-Answers!";

    /** A computer name that tries to redraw the terminal, fake a verdict and break XML and JSON. */
    static final String NAME = "MABS01\r\n\u001b[2J\u001b[H\u001b]0;owned\u0007 \u202eYDAER\u202c ]]> \"q\" 'a' \uFFFE";
    static final String PATH = "C:\\Program Files\\MARS\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Run]\r\n\"evil\"=\"x.exe\""
            + " \u001b[31mFAKE\u001b[0m \u2066\u202e ] \uFFFE";
    static final String VALUE_NAME = "Evil\r\n\"Name\"=\u001b[1m]\u202e\uFFFE";
    static final String KEY_NAME = "Sub]\r\n[HKEY_LOCAL_MACHINE\\Evil\u001b\u202e\uFFFE";

    private static HostFacts ready;

    @BeforeAll
    static void evidence() throws IOException {
        try (Stream<Path> files = Files.list(Cli.examples().resolve("2008r2-ready"))) {
            ready = EvidenceFacts.load(files.filter(Files::isRegularFile).sorted().toList());
        }
    }

    @Test
    void hostile_strings_come_back_exactly_in_json() throws IOException {
        Map<ValueRef, Fact<RegValue>> values = new LinkedHashMap<>(ready.values());
        ValueRef installPath = ValueRef.of(Places.MARS_SETUP, "InstallPath");
        assertThat(values).containsKey(installPath);
        values.put(installPath, Fact.present(RegValue.Str.of(PATH), "hostile test evidence"));
        // Names no rule asks for: they only show up in the host's EnumValues/EnumKey answers.
        values.put(ValueRef.of(Places.MARS_SETUP, VALUE_NAME), Fact.present(RegValue.Str.of(PATH), "hostile"));
        values.put(ValueRef.of(Places.MARS_SETUP + "\\" + KEY_NAME, VALUE_NAME),
                Fact.present(RegValue.Str.of(PATH), "hostile"));
        HostFacts base = new HostFacts(ready.host(), ready.source(), values, ready.systemInfo(), ready.updates(),
                ready.provenance(), ready.warnings());
        HostFacts hostile = EvidenceFacts.renamed(base, NAME);
        HostSpec spec = HostSpec.of(NAME, "127.0.62.1", 0, HostSpec.Auth.NTLM, USER, PASSWORD.toCharArray(), hostile);

        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(spec))) {
            Cli.Result r = run("audit", "--host", fleet.endpoints().get(0).hostPort(), "--transport", "http",
                    "--user", USER, "-f", "json");
            assertThat(r.exitCode()).as("READY host; stderr: %s", r.err()).isZero();
            JsonNode host = JSON.readTree(r.out()).path("hosts").path(0);
            assertThat(host.path("error").isMissingNode() || host.path("error").isNull()).as(r.out()).isTrue();
            assertThat(host.path("host").asText()).isEqualTo(NAME);
            List<String> observed = new ArrayList<>();
            for (JsonNode finding : host.path("findings")) {
                for (JsonNode e : finding.path("evidence")) {
                    if (e.path("valueName").asText().equals("InstallPath")) {
                        observed.add(e.path("observed").asText());
                    }
                }
            }
            assertThat(observed).as(r.out()).isNotEmpty().allSatisfy(o -> assertThat(o)
                    .isEqualTo("REG_SZ \"" + PATH + "\""));
        }
    }

    @Test
    void a_reply_with_a_doctype_and_an_external_entity_is_refused_in_one_line_naming_the_host() throws IOException {
        HostSpec spec = HostSpec.of("xxe-host", "127.0.62.2", 0, HostSpec.Auth.NTLM, USER, PASSWORD.toCharArray(),
                EvidenceFacts.renamed(ready, "xxe-host")).withFault(FaultKind.DOCTYPE);
        try (SimulatedFleet fleet = SimulatedFleet.start(List.of(spec))) {
            String target = fleet.endpoints().get(0).hostPort();
            Cli.Result json = run("audit", "--host", target, "--transport", "http", "--user", USER, "-f", "json",
                    "--retries", "0");
            assertThat(json.exitCode()).as(json.err()).isEqualTo(3);
            String error = JSON.readTree(json.out()).path("hosts").path(0).path("error").asText();
            assertThat(error).isEqualTo(target + ": reply contains a DOCTYPE (DTDs and entities are refused in "
                    + "WS-Management messages)");
            assertThat(fleet.counters("xxe-host").wsmanRequests()).as("refused at the first reply, not retried")
                    .isEqualTo(1);

            Cli.Result text = run("audit", "--host", target, "--transport", "http", "--user", USER, "--retries", "0",
                    "--color", "never");
            assertThat(text.exitCode()).isEqualTo(3);
            assertThat((text.out() + text.err()).lines().filter(l -> l.contains("DOCTYPE")).toList()).hasSize(1)
                    .allSatisfy(l -> assertThat(l).contains(target));
            assertThat(json.out() + json.err() + text.out() + text.err()).doesNotContain("root:")
                    .doesNotContain(PASSWORD);
        }
    }

    private static Cli.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                RemoteCli.env(Map.of(Passwords.VARIABLE, PASSWORD)), new WinRmModule());
        return new Cli.Result(code, out.toString(), err.toString());
    }
}
