package io.tlsready.app.rest.guard;

import java.util.Map;

/** A request the guard turns away before any route sees it; {@link Gatekeeper} renders it as a problem. */
final class GuardRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    private GuardRefusal(int status, String detail, Map<String, String> headers) {
        super(detail, null, false, false); // an answer, not a failure: no stack trace to fill or log
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** Missing, malformed, unknown and revoked tokens all get this one answer: no oracle for guessing. */
    static GuardRefusal unauthorized() {
        return new GuardRefusal(401, "this resource needs a valid bearer token: send 'Authorization: Bearer tlsr_…'"
                + " with a token the server issued and has not revoked",
                Map.of("WWW-Authenticate", "Bearer realm=\"tlsready\""));
    }

    static GuardRefusal forbidden(String method) {
        return new GuardRefusal(403, "a reader token may only read (GET, HEAD); " + method
                + " needs an operator token", Map.of());
    }

    /** 421 Misdirected Request: this server does not answer for the authority the client asked for. */
    static GuardRefusal misdirected() {
        return new GuardRefusal(421, "this server does not answer for the host named in the Host header; use the"
                + " address it listens on, or have it started with that name allowed", Map.of());
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
