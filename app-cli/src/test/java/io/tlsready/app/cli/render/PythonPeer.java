package io.tlsready.app.cli.render;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * python3's standard-library parsers (json, csv, xml.dom.minidom, html.parser) run as a real process over report
 * files: a peer that shares no code with the renderers. Missing python3 skips the test with a message, except in
 * CI ({@code CI=true}), where it fails.
 */
public final class PythonPeer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final List<Map<String, String>> manifest = new ArrayList<>();

    public PythonPeer(Path dir) {
        this.dir = dir;
    }

    /** Queues a file for parsing as {@code format} (json, jsonl, sarif, csv, junit, html); returns its id. */
    public String add(String format, Path file) {
        String id = "f" + manifest.size();
        manifest.add(Map.of("id", id, "format", format, "path", file.toString()));
        return id;
    }

    /** Parses every queued file in one python3 process: id to parsed structure (or {"error": ...}). */
    public JsonNode parseAll() throws IOException, InterruptedException {
        requirePython();
        Path script = dir.resolve("parse_reports.py");
        try (InputStream in = PythonPeer.class.getResourceAsStream("parse_reports.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path list = dir.resolve("manifest.json");
        Files.write(list, MAPPER.writeValueAsBytes(manifest));
        Process p = new ProcessBuilder("python3", script.toString(), list.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("python3 parse_reports.py failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return MAPPER.readTree(out);
    }

    /** Every id that python3 could not parse, with its error; empty when all parsed. */
    public static Map<String, String> failures(JsonNode parsed) {
        Map<String, String> bad = new LinkedHashMap<>();
        parsed.properties().forEach(e -> {
            if (e.getValue().isObject() && e.getValue().has("error")) {
                bad.put(e.getKey(), e.getValue().get("error").asText());
            }
        });
        return bad;
    }

    private static void requirePython() {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        String msg = "python3 not found: the independent parsers of the hostile-evidence tests cannot run";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(msg);
        }
        assumeTrue(present, msg);
    }
}
