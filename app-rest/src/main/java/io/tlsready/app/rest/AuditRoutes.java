package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.tlsready.app.rest.guard.ServiceMetrics;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.port.ReportHistory;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.ReportDocument;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/audits}: one host's evidence in, the {@code tlsready.report/v1} document out.
 * The body is either a JSON snapshot or multipart files named {@code evidence}; both go through the same
 * {@link OfflineEvidence} port as the CLI's {@code --snapshot}, so the two can never disagree. When a store is
 * installed, the host's report is also kept in its {@link ReportHistory} (the hosts list and history show it).
 */
final class AuditRoutes implements RouteGroup {

    static final String PATH = "/api/v1/audits";
    static final String EVIDENCE_PART = "evidence";
    /** The name a JSON body gets on disk, and so in provenance and error messages. */
    static final String JSON_BODY_NAME = "request-body.json";
    static final String ACCEPTED = "application/json, multipart/form-data";

    private final AuditService audits;
    private final ReportHistory history;
    private final OfflineEvidence evidence;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxRequestBytes;
    private final String toolVersion;
    private final ServiceMetrics metrics;

    @Inject
    AuditRoutes(AuditService audits, ReportHistory history, OfflineEvidence evidence, ObjectMapper json, Clock clock,
                ServerSettings settings, ServiceMetrics metrics) {
        this.audits = audits;
        this.history = history;
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
        this.maxRequestBytes = settings.maxRequestBytes();
        this.toolVersion = ToolVersion.read();
        this.metrics = metrics;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::audit);
    }

    private void audit(Context ctx) throws IOException {
        // refuse before reading a byte when the client says up front that the body is too large
        if (ctx.req().getContentLengthLong() > maxRequestBytes) {
            throw ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, EvidenceUpload.tooLarge(maxRequestBytes));
        }
        String mediaType = mediaType(ctx.contentType());
        boolean multipart = mediaType.equals("multipart/form-data");
        if (!multipart && !mediaType.equals("application/json")) {
            throw ProblemException.withHeader(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    (mediaType.isEmpty() ? "no Content-Type" : "Content-Type " + mediaType + " is not accepted")
                            + "; send a tlsready JSON snapshot as application/json, or evidence files as"
                            + " multipart/form-data parts named '" + EVIDENCE_PART + "'",
                    "Accept-Post", ACCEPTED);
        }
        try (EvidenceUpload upload = EvidenceUpload.create(maxRequestBytes)) {
            if (multipart) {
                saveParts(ctx, upload);
            } else {
                try (InputStream body = ctx.bodyInputStream()) {
                    upload.save(JSON_BODY_NAME, body);
                }
            }
            HostReport host;
            try {
                long started = System.nanoTime();
                host = audits.audit(evidence.open(upload.files()));
                metrics.auditTook(Duration.ofNanos(System.nanoTime() - started));
            } catch (EvidenceException e) {
                // The problem's hints (what to send instead) in this API's words, never the CLI's flags.
                throw ProblemException.malformedEvidence(upload.scrub(e.message(RestHints.WORDS)),
                        upload.scrub(e.location()));
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            AuditReport report = new AuditReport(List.of(host), toolVersion, at.toString());
            // kept with the uploaded names, never the server's paths
            history.save(upload.scrub(host), at);
            JsonBody.write(ctx, json, JsonBody.JSON, upload.scrub(ReportDocument.of(report)));
        }
    }

    private void saveParts(Context ctx, EvidenceUpload upload) throws IOException {
        List<UploadedFile> files = MultipartBodies.files(ctx, EVIDENCE_PART, maxRequestBytes);
        if (files.isEmpty()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "no evidence files: send one or more files as"
                    + " multipart/form-data parts named '" + EVIDENCE_PART + "' (.reg exports, systeminfo,"
                    + " wmic qfe or Get-HotFix output, tlsready JSON snapshots), all for one host");
        }
        for (UploadedFile f : files) {
            try (InputStream in = f.content()) {
                upload.save(f.filename(), in);
            }
        }
    }

    /** "type/subtype" in lower case, parameters dropped; empty when there is no Content-Type. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
