package io.tlsready.app.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.HostReportReader;

/**
 * Reads a host back from its JSON form ({@code ReportDocument.host}), so that a resumed run's final report
 * contains the hosts done before the interruption: the domain's {@link HostReportReader} over Jackson's tree.
 */
final class HostReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostReportJson() {
    }

    /** @throws IllegalArgumentException when the object is not a host of a tlsready report */
    static HostReport read(JsonNode n) {
        return HostReportReader.read(JSON.convertValue(n, Object.class));
    }
}
