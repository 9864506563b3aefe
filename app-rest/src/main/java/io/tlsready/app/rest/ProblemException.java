package io.tlsready.app.rest;

import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Objects;

/**
 * Thrown by route handlers to answer with a problem document; {@link ProblemRoutes} renders it.
 * The detail is shown to the client as is, so it must never carry server paths or stack traces.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String type;
    private final String location;
    private final transient Map<String, String> headers;

    private ProblemException(HttpStatus status, String type, String detail, String location,
                             Map<String, String> headers) {
        super(detail);
        this.status = Objects.requireNonNull(status, "status");
        this.type = type;
        this.location = location;
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException of(HttpStatus status, String detail) {
        return new ProblemException(status, Problem.ABOUT_BLANK, detail, null, Map.of());
    }

    static ProblemException withHeader(HttpStatus status, String detail, String header, String value) {
        return new ProblemException(status, Problem.ABOUT_BLANK, detail, null, Map.of(header, value));
    }

    static ProblemException malformedEvidence(String detail, String location) {
        return new ProblemException(HttpStatus.BAD_REQUEST, Problem.MALFORMED_EVIDENCE, detail, location, Map.of());
    }

    /** The answer's status (the pages show the detail on a form with it). */
    public HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return type.equals(Problem.MALFORMED_EVIDENCE) ? "Malformed evidence" : status.getMessage();
    }

    String location() {
        return location;
    }

    Map<String, String> headers() {
        return headers;
    }
}
