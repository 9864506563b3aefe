package io.tlsready.app.rest;

import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintWords;

/**
 * The REST API's words for the domain's {@link Hint}s: what to send in a request, never a command-line flag (an
 * HTTP client has none). Hints this API cannot meet (it reads no remote host) keep the domain's plain words.
 */
final class RestHints {

    static final HintWords WORDS = RestHints::words;

    private RestHints() {
    }

    static String words(Hint hint) {
        if (hint instanceof Hint.PassHives) {
            return "this API takes no registry hives: send a JSON snapshot of them as the application/json body";
        }
        if (hint instanceof Hint.UseOfflineEvidence) {
            return "send the host's exported evidence as multipart/form-data parts named '"
                    + AuditRoutes.EVIDENCE_PART + "', or a JSON snapshot as the application/json body";
        }
        return hint.neutral();
    }
}
