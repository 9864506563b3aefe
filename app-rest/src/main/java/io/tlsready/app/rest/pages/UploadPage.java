package io.tlsready.app.rest.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.EvidenceAudits;
import io.tlsready.app.rest.ProblemException;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.domain.history.StoredReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /upload}: one host's evidence files, audited and kept exactly as {@code POST /api/v1/audits} does
 * ({@link EvidenceAudits}), then 303 to the host's page. Evidence that cannot be read is one line on the form, 422.
 */
final class UploadPage implements RouteGroup {

    static final String PATH = "/upload";

    private final EvidenceAudits audits;
    private final PageRenderer pages;

    @Inject
    UploadPage(EvidenceAudits audits, PageRenderer pages) {
        this.audits = audits;
        this.pages = pages;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> form(ctx, HttpStatus.OK, null));
        routes.post(PATH, this::upload);
    }

    private void form(Context ctx, HttpStatus status, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", pages.frame(ctx, "Upload evidence", "upload"));
        params.put("error", error);
        pages.send(ctx, status, "upload.jte", params);
    }

    private void upload(Context ctx) throws IOException {
        StoredReport stored;
        try {
            stored = audits.auditUploaded(ctx.uploadedFiles("evidence").stream()
                    .filter(f -> f.size() > 0 || !f.filename().isEmpty()).toList());
        } catch (ProblemException e) {
            HttpStatus status = e.status() == HttpStatus.CONTENT_TOO_LARGE ? e.status()
                    : HttpStatus.UNPROCESSABLE_CONTENT;
            form(ctx, status, Texts.visible(e.getMessage()));
            return;
        }
        ctx.redirect(Texts.hostHref(stored.host()), HttpStatus.SEE_OTHER);
    }
}
