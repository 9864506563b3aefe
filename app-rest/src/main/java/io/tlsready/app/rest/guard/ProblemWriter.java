package io.tlsready.app.rest.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.Problem;

/** The guard's answers in the API's one error form, RFC 9457 problem documents. */
final class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(Context ctx, int status, String detail) {
        ctx.status(status);
        ctx.contentType(Problem.CONTENT_TYPE).result(bytes(status, detail, ctx.path()));
    }

    byte[] bytes(int status, String detail, String instance) {
        try {
            return json.writeValueAsBytes(new Problem(Problem.ABOUT_BLANK, title(status), status, detail, instance,
                    null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a problem document", e);
        }
    }

    static String title(int status) {
        if (status == 421) {
            return "Misdirected Request";
        }
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "Error " + status : known.getMessage();
    }
}
