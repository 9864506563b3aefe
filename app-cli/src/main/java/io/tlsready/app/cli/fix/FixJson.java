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

    /** The {@code tlsready.fix/v1} document, with the hosts a staged run never started. */
    public void document(List<HostFix> hosts, List<String> notStarted, String why, String version,
            String generatedAt, OutputStream out) throws IOException {
        indented.writeValue(out, FixDocument.of(hosts, notStarted, why, version, generatedAt));
        out.write('\n');
    }

    public void rollback(List<Rollback.Result> results, String version, String generatedAt, OutputStream out)
            throws IOException {
        indented.writeValue(out, FixDocument.rollback(results, version, generatedAt));
        out.write('\n');
    }

    /** One host as one JSON line ({@link FixDocument#line}). */
    public byte[] line(String target, HostFix host) throws IOException {
        return bytes(FixDocument.line(target, host));
    }

    /** A host the run never started, as one JSON line ({@link FixDocument#notStartedLine}). */
    public byte[] notStartedLine(String target, String why) throws IOException {
        return bytes(FixDocument.notStartedLine(target, why));
    }

    private byte[] bytes(Object line) throws IOException {
        return (compact.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
