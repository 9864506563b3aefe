package io.tlsready.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.ReportDocument;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON-lines encoding of one host: the {@code hosts[]} entry of the JSON report on one line, plus
 * {@code "target"} (host:port as audited) for remote hosts, which is what {@code --resume} matches on: the
 * host name in the report is whatever the host calls itself.
 */
public final class JsonLines {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonEscapes.factory())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public static final String TARGET = "target";

    private JsonLines() {
    }

    /** One line, newline included, ready for a single write. */
    public static byte[] line(HostReport host, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (target != null) {
            m.put(TARGET, target);
        }
        m.putAll(ReportDocument.host(host));
        try {
            byte[] json = MAPPER.writeValueAsBytes(m);
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
