package io.tlsready.app.cli.fix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tlsready.domain.fix.FixDocument;
import io.tlsready.domain.fix.HostFix;
import io.tlsready.domain.fix.Rollback;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The fix and rollback documents as JSON (indented) and JSON lines, escaped like the report JSON. */
public final class FixJson {

    private final ObjectMapper indented;
    private final ObjectMapper compact;

    /** @param factory the report JSON's factory (steering characters escaped: a host's data stays data) */
    public FixJson(JsonFactory factory) {
        this.indented = new ObjectMapper(factory).enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.compact = new ObjectMapper(factory).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    public void document(List<HostFix> hosts, String version, String generatedAt, OutputStream out)
            throws IOException {
        indented.writeValue(out, FixDocument.of(hosts, version, generatedAt));
        out.write('\n');
    }

    /**
     * The document with the hosts a staged run never started ({@code --canary}, {@code --max-failures}, Ctrl-C):
     * {@code "notStarted":[{"target","why"}]} after {@code hosts}, so the file alone says what was left.
     */
    public void document(List<HostFix> hosts, List<String> notStarted, String why, String version,
            String generatedAt, OutputStream out) throws IOException {
        java.util.Map<String, Object> root = new java.util.LinkedHashMap<>(FixDocument.of(hosts, version,
                generatedAt));
        List<Object> left = new java.util.ArrayList<>();
        for (String target : notStarted) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("target", target);
            m.put("why", why);
            left.add(m);
        }
        root.put("notStarted", left);
        indented.writeValue(out, root);
        out.write('\n');
    }

    public void rollback(List<Rollback.Result> results, String version, String generatedAt, OutputStream out)
            throws IOException {
        indented.writeValue(out, FixDocument.rollback(results, version, generatedAt));
        out.write('\n');
    }

    /**
     * One host as one line, with the schema (a line stands on its own) and the target as given on the command line
     * or in the inventory ({@code --resume} matches on it).
     */
    public byte[] line(String target, HostFix host) throws IOException {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("schema", FixDocument.SCHEMA);
        m.put("target", target);
        m.putAll(FixDocument.host(host));
        return (compact.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A host the run never started, as one line: nothing was written to it, and its {@code error} says why, so
     * {@code --resume} tries it again.
     */
    public byte[] notStartedLine(String target, String why) throws IOException {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("schema", FixDocument.SCHEMA);
        m.put("target", target);
        m.put("host", target);
        m.put("started", false);
        m.put("applied", false);
        m.put("changes", List.of());
        m.put("error", "not started: " + why);
        return (compact.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
