package io.tlsready.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.ReportDocument;
import java.io.IOException;
import java.io.OutputStream;

/** The JSON contract (tlsready.report/v1): the domain's ReportDocument tree, pretty-printed, {@link JsonEscapes}. */
final class JsonRenderer implements ReportRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonEscapes.factory())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        MAPPER.writeValue(out, ReportDocument.of(report));
        out.write('\n');
        out.flush();
    }
}
