package io.tlsready.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the API's contract. Its one source is {@code docs/openapi.yaml}, which the build
 * copies into the jar beside this class; it is read and turned into JSON on the first request (not while the injector
 * is built), then kept.
 */
final class OpenApiRoutes implements RouteGroup {

    static final String PATH = "/api/v1/openapi.json";
    /** The resource the build copies {@code docs/openapi.yaml} to, beside this class. */
    static final String RESOURCE = "openapi.yaml";

    private final ObjectMapper json;
    private volatile byte[] document;

    @Inject
    OpenApiRoutes(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.contentType(JsonBody.JSON).result(document()));
    }

    private byte[] document() throws IOException {
        byte[] d = document;
        if (d == null) {
            d = json.writeValueAsBytes(read());
            document = d; // racing first requests compute the same bytes; either copy may stay
        }
        return d;
    }

    /** The YAML document as a JSON tree. */
    static JsonNode read() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path beside "
                        + OpenApiRoutes.class.getName() + "; the build copies it from docs/");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
