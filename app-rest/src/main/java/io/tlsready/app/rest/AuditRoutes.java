package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.domain.port.OfflineEvidence;
import io.tlsready.domain.port.ReportHistory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
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

    private final EvidenceAudits audits;
    private final ObjectMapper json;
    private final long maxRequestBytes;

    @Inject
    AuditRoutes(EvidenceAudits audits, ObjectMapper json) {
        this.audits = audits;
        this.json = json;
        this.maxRequestBytes = audits.maxRequestBytes();
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
            JsonBody.write(ctx, json, JsonBody.JSON, audits.auditAndKeep(upload).document());
        }
    }

    private void saveParts(Context ctx, EvidenceUpload upload) throws IOException {
        audits.save(MultipartBodies.files(ctx, EVIDENCE_PART, maxRequestBytes), upload);
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
