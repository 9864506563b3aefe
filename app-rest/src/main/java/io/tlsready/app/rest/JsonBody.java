package io.tlsready.app.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes response bodies with the injected Jackson mapper, so every route serialises the same way. */
public final class JsonBody {

    public static final String JSON = "application/json";

    private JsonBody() {
    }

    public static void write(Context ctx, ObjectMapper mapper, String contentType, Object body) {
        try {
            ctx.contentType(contentType).result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            // our own response shapes always serialise; failing here is a bug, answered as a 500
            throw new IllegalStateException("cannot serialise response body", e);
        }
    }
}
