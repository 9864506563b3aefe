package io.tlsready.adapters.winrm.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded real reply in the corpus goes through the client's own parse path
 * ({@link WsmanXml#parseReply} with the default limit): .xml files directly, the pypsrp .yml recordings by their
 * {@code response:} lines, the winrm4j recordings by their {@code <response>} elements (the recording wrapper has a
 * DOCTYPE, which our parser rightly refuses, so the envelopes are cut out as text first).
 */
class WsmanCorpusTest {

    static final int LIMIT = WsmanOptions.defaults().replyLimit();

    /** One recorded reply: where it came from and its bytes. */
    record Recorded(String label, byte[] body) {
    }

    static List<Recorded> replies(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Recorded> out = new ArrayList<>();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            int n = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("  response: ")) {
                    out.add(new Recorded(name + "#" + (++n), yamlScalar(line.substring("  response: ".length()))
                            .getBytes(StandardCharsets.UTF_8)));
                }
            }
        } else if (text.contains("<recording>")) {
            int n = 0;
            int from = 0;
            while (true) {
                int s = text.indexOf("<response>", from);
                if (s < 0) {
                    break;
                }
                int e = text.indexOf("</response>", s);
                out.add(new Recorded(name + "#" + (++n),
                        text.substring(s + "<response>".length(), e).strip().getBytes(StandardCharsets.UTF_8)));
                from = e;
            }
        } else {
            out.add(new Recorded(name, Files.readAllBytes(file)));
        }
        return out;
    }

    /** A PyYAML scalar on one line: plain, or single/double quoted (quotes undone minimally). */
    private static String yamlScalar(String v) {
        String t = v.strip();
        if (t.startsWith("'") && t.endsWith("'")) {
            return t.substring(1, t.length() - 1).replace("''", "'");
        }
        if (t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return t;
    }

    /** Parses like the client: a fault comes back as the exception, anything else as the envelope. */
    static Object clientParse(byte[] body) {
        try {
            return WsmanXml.parseReply(body, LIMIT);
        } catch (WsmanFault f) {
            return f;
        }
    }

    @TestFactory
    Stream<DynamicTest> every_recorded_reply_parses() throws IOException {
        Path dir = Corpus.dir("winrm");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.equals("README.md")) {
                    continue;
                }
                List<Recorded> replies = replies(f);
                tests.add(DynamicTest.dynamicTest(name + " has replies", () -> assertThat(replies).isNotEmpty()));
                for (Recorded r : replies) {
                    tests.add(DynamicTest.dynamicTest(r.label(), () -> {
                        Object parsed = clientParse(r.body());
                        if (parsed instanceof WsmanFault fault) {
                            assertThat(fault.getMessage()).isNotBlank().doesNotContain("\n");
                            System.out.println("[corpus] " + r.label() + ": fault " + fault.kind() + " — "
                                    + fault.getMessage());
                        } else {
                            Envelope env = (Envelope) parsed;
                            assertThat(env.action()).isPresent();
                            System.out.println("[corpus] " + r.label() + ": "
                                    + env.payload().map(XmlElement::name).orElse("(empty body)") + " ("
                                    + env.action().get().replaceAll(".*/", "") + ")");
                        }
                    }));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }

    @Test
    void pypsrp_transport_errors_are_faults_and_the_rest_are_not() throws IOException {
        Path dir = Corpus.dir("winrm");
        int faults = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                List<Recorded> replies = replies(f);
                // A message block (up to the next "- request") with "transport_error: … code: 500" must be a fault.
                int idx = -1;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("  response: ")) {
                        idx++;
                        boolean error = false;
                        for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("- "); j++) {
                            error |= lines.get(j).startsWith("  transport_error:");
                        }
                        Object parsed = clientParse(replies.get(idx).body());
                        assertThat(parsed instanceof WsmanFault).as(replies.get(idx).label()).isEqualTo(error);
                        faults += error ? 1 : 0;
                    }
                }
            }
        }
        assertThat(faults).isEqualTo(5);
    }

    @Test
    void shell_replies_are_read_as_generic_envelopes() throws IOException {
        Path dir = Corpus.dir("winrm");
        Envelope created = (Envelope) clientParse(Files.readAllBytes(dir.resolve("winrb__open_shell_v2.xml")));
        assertThat(created.payload().orElseThrow().name()).isEqualTo("ResourceCreated");
        assertThat(created.payload().orElseThrow().descendant("Selector").orElseThrow().attribute("Name"))
                .contains("ShellId");
        Envelope done = (Envelope) clientParse(Files.readAllBytes(dir.resolve("masterzen__doneCommandResponse.xml")));
        assertThat(done.payload().orElseThrow().descendant("ExitCode").orElseThrow().trimmedText()).isEqualTo("123");
        Envelope config = (Envelope) clientParse(replies(dir.resolve("pypsrp__test_wsman_update_envelope_size_500.yml"))
                .get(0).body());
        assertThat(config.payload().orElseThrow().child("MaxEnvelopeSizekb").orElseThrow().trimmedText())
                .isEqualTo("500");
    }

    @Test
    void the_winrm4j_wrapper_itself_is_refused_for_its_doctype() throws IOException {
        Path dir = Corpus.dir("winrm");
        byte[] wrapper = Files.readAllBytes(dir.resolve("winrm4j__win12.xml"));
        WsmanTransportException e = catchThrowableOfType(WsmanTransportException.class,
                () -> WsmanXml.parseReply(wrapper, 1 << 20));
        assertThat(e.getMessage()).contains("DOCTYPE");
    }
}
