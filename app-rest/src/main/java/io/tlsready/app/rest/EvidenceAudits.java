package io.tlsready.app.rest;

import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.tlsready.app.rest.guard.ServiceMetrics;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.history.StoredReport;
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

/**
 * Uploaded evidence audited and kept: the one path {@code POST /api/v1/audits} and the dashboard's upload form
 * share. The files go through the same {@link OfflineEvidence} port as the CLI's {@code --snapshot}; the host's
 * report is kept in the {@link ReportHistory} with the uploaded names, never the server's paths.
 */
public final class EvidenceAudits {

    static final String NO_FILES = "no evidence files: send one or more files as multipart/form-data parts named '"
            + AuditRoutes.EVIDENCE_PART + "' (.reg exports, systeminfo, wmic qfe or Get-HotFix output, tlsready JSON"
            + " snapshots), all for one host";

    private final AuditService audits;
    private final ReportHistory history;
    private final OfflineEvidence evidence;
    private final Clock clock;
    private final long maxRequestBytes;
    private final String toolVersion;
    private final ServiceMetrics metrics;

    @Inject
    EvidenceAudits(AuditService audits, ReportHistory history, OfflineEvidence evidence, Clock clock,
            ServerSettings settings, ServiceMetrics metrics) {
        this.audits = audits;
        this.history = history;
        this.evidence = evidence;
        this.clock = clock;
        this.maxRequestBytes = settings.maxRequestBytes();
        this.toolVersion = ToolVersion.read();
        this.metrics = metrics;
    }

    /** What one audit kept, and the {@code tlsready.report/v1} document the client is shown (scrubbed). */
    record Kept(StoredReport stored, Object document) {
    }

    long maxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * Audits the multipart files (form field {@code evidence}) of one host and keeps the report.
     *
     * @throws ProblemException 400 for no files or malformed evidence (one line naming the file), 413 too large
     */
    public StoredReport auditUploaded(List<UploadedFile> files) throws IOException {
        try (EvidenceUpload upload = EvidenceUpload.create(maxRequestBytes)) {
            save(files, upload);
            return auditAndKeep(upload).stored();
        }
    }

    void save(List<UploadedFile> files, EvidenceUpload upload) throws IOException {
        if (files.isEmpty()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, NO_FILES);
        }
        for (UploadedFile f : files) {
            try (InputStream in = f.content()) {
                upload.save(f.filename(), in);
            }
        }
    }

    Kept auditAndKeep(EvidenceUpload upload) {
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
        StoredReport stored = history.save(upload.scrub(host), at);
        return new Kept(stored, upload.scrub(ReportDocument.of(report)));
    }
}
