package io.tlsready.app.rest;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads multipart parts, turning the servlet container's parse failures into problem answers. */
final class MultipartBodies {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartBodies.class);

    /**
     * Jetty 12's MultiPartFormData limits ("max length exceeded: N", "max file size exceeded: N", ...). They
     * reach us only as the cause of a generic "400: bad multipart", and a chunked body has no Content-Length
     * to check beforehand, so the message is the one place that tells "too large" from "malformed".
     */
    private static final Pattern SIZE_LIMIT =
            Pattern.compile("^max (?:length|file size|memory file size) exceeded");

    private MultipartBodies() {
    }

    static List<UploadedFile> files(Context ctx, String part, long maxRequestBytes) {
        try {
            return ctx.uploadedFiles(part);
        } catch (Exception e) { // Kotlin rethrows the container's checked ServletException undeclared
            throw classify(e, maxRequestBytes);
        }
    }

    private static ProblemException classify(Exception e, long maxRequestBytes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && SIZE_LIMIT.matcher(t.getMessage()).find()) {
                return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, EvidenceUpload.tooLarge(maxRequestBytes));
            }
        }
        if (LOG.isDebugEnabled()) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append(t == e ? "" : " <- ").append(t);
            }
            LOG.debug("multipart body refused: {}", causes);
        }
        return ProblemException.of(HttpStatus.BAD_REQUEST, "the multipart/form-data body cannot be parsed");
    }
}
