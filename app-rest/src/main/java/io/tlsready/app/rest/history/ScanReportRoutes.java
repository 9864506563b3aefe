package io.tlsready.app.rest.history;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.ProblemException;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.app.rest.ToolVersion;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.port.ScanQueue;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.formats.ReportFormat;
import io.tlsready.formats.ReportRenderer;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/scans/{id}/report?format=json|csv|html|junit|sarif}: the hosts of a scan that finished so far,
 * in target order, as the very document {@code tlsready audit -f FORMAT} writes for them (report-formats renders
 * both). JSON when no format is asked for.
 */
final class ScanReportRoutes implements RouteGroup {

    static final String PATH = "/api/v1/scans/{id}/report";

    /** The formats served, by the name the query parameter uses. */
    static final Map<String, ReportFormat> FORMATS = Stream.of(ReportFormat.JSON, ReportFormat.CSV,
                    ReportFormat.HTML, ReportFormat.JUNIT, ReportFormat.SARIF)
            .collect(Collectors.toMap(f -> f.name().toLowerCase(Locale.ROOT), f -> f, (a, b) -> a,
                    java.util.LinkedHashMap::new));

    private final ScanQueue scans;
    private final Clock clock;
    private final String toolVersion;

    @Inject
    ScanReportRoutes(ScanQueue scans, Clock clock) {
        this.scans = scans;
        this.clock = clock;
        this.toolVersion = ToolVersion.read();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::report);
    }

    private void report(Context ctx) throws IOException {
        ReportFormat format = format(QueryParams.text(ctx, "format"));
        String id = ctx.pathParam("id");
        if (scans.scan(id).isEmpty()) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "no scan has this id");
        }
        List<HostReport> hosts = scans.reports(id).stream().map(StoredReport::report).toList();
        AuditReport report = new AuditReport(hosts, toolVersion,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.renderer().render(report, new ReportRenderer.Options(false, false, false), out);
        ctx.contentType(format.mediaType()).result(out.toByteArray());
    }

    private static ReportFormat format(Optional<String> asked) {
        if (asked.isEmpty()) {
            return ReportFormat.JSON;
        }
        ReportFormat f = FORMATS.get(asked.get());
        if (f == null) {
            throw QueryParams.invalid("format", "one of " + String.join(", ", FORMATS.keySet()));
        }
        return f;
    }
}
