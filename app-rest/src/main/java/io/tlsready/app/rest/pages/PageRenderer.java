package io.tlsready.app.rest.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tlsready.app.rest.ToolVersion;
import java.util.Map;

/**
 * Renders the precompiled templates (package {@code io.tlsready.app.rest.pages.html}, made from src/main/jte at
 * build time: no template compiler at run time) and builds each page's {@link Frame} from its request.
 */
final class PageRenderer {

    static final String PACKAGE = "io.tlsready.app.rest.pages.html";

    private final TemplateEngine engine;
    private final String assets;

    PageRenderer() {
        this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, PageRenderer.class.getClassLoader(),
                PACKAGE);
        // assets change only with the tool, so its version in their URLs lets browsers cache them for good
        this.assets = ToolVersion.read().replaceAll("[^A-Za-z0-9.\\-]", "_");
    }

    String assetsVersion() {
        return assets;
    }

    /** The frame of a signed-in page (the gate put the session on the request). */
    Frame frame(Context ctx, String title, String nav) {
        Session s = PageGate.session(ctx);
        return new Frame(title, nav, s.name(), s.operator(), s.csrf(), assets, 0);
    }

    Frame anonymous(String title) {
        return new Frame(title, "", null, false, "", assets, 0);
    }

    void send(Context ctx, HttpStatus status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(out.toString());
    }

    void send(Context ctx, String template, Map<String, Object> params) {
        send(ctx, HttpStatus.OK, template, params);
    }
}
