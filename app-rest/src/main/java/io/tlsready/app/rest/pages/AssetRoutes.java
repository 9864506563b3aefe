package io.tlsready.app.rest.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tlsready.app.rest.RouteGroup;
import io.tlsready.formats.HtmlParts;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's assets, served by the tool itself (no CDN; works offline): {@code /assets/tlsready.css},
 * the report's stylesheet ({@link HtmlParts#stylesheet()}) followed by the pages' own, {@code /assets/pages.js}, and the icon {@code /assets/favicon.svg} (without one, every
 * browser asks for {@code /favicon.ico} and logs the 404).
 * Pages link them with the tool's version in the URL, so browsers may keep them for a year.
 */
final class AssetRoutes implements RouteGroup {

    static final String PREFIX = "/assets/";

    private final byte[] css;
    private final byte[] js;
    private final byte[] icon;

    @Inject
    AssetRoutes() {
        this.css = (HtmlParts.stylesheet() + "\n" + resource("pages.css")).getBytes(StandardCharsets.UTF_8);
        this.js = resource("pages.js").getBytes(StandardCharsets.UTF_8);
        this.icon = resource("favicon.svg").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PREFIX + "tlsready.css", ctx -> send(ctx, "text/css; charset=utf-8", css));
        routes.get(PREFIX + "pages.js", ctx -> send(ctx, "text/javascript; charset=utf-8", js));
        routes.get(PREFIX + "favicon.svg", ctx -> send(ctx, "image/svg+xml", icon));
    }

    private static void send(Context ctx, String type, byte[] body) {
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(type);
        ctx.result(body);
    }

    private static String resource(String name) {
        try (InputStream in = AssetRoutes.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
