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
 * host name in the report is whatever the host calls itself. The target comes first on the line; the JSON report's
 * host objects carry the same field (last).
 */
public final class JsonLines {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonEscapes.factory())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public static final String TARGET = "target";

    private JsonLines() {
    }

    /** One line, newline included, ready for a single write; {@code target} null: the report's own, if any. */
    public static byte[] line(HostReport host, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        String t = target != null ? target : host.target().orElse(null);
        if (t != null) {
            m.put(TARGET, t);
        }
        ReportDocument.host(host).forEach((k, v) -> {
            if (!k.equals(TARGET)) {
                m.put(k, v);
            }
        });
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
