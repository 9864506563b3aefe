package io.tlsready.formats.html;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The entry to the precompiled templates: the whole report page, one host's findings table, the stylesheet. The
 * engine only loads the classes the build generated (no template compiler at run time).
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), Templates.class.getPackageName());
    private static final String STYLESHEET = resource("tlsready.css");
    private static final String SCRIPT = resource("report.js");

    private Templates() {
    }

    /** The {@code -f html} report: one host's page, or a fleet's summary, host table and details. */
    public static void report(AuditReport report, Writer out) {
        ENGINE.render("report.jte", FleetView.of(report), VisibleOutput.of(new WriterOutput(out)));
    }

    /** A host's findings table, FAIL first, with evidence, fix and sources. */
    public static Content findings(HostReport host) {
        return out -> ENGINE.render("findings.jte", host, VisibleOutput.of(out));
    }

    /** The one CSS of the report and the dashboard. */
    public static String stylesheet() {
        return STYLESHEET;
    }

    /** The report's script: sort, filter and group the host table (everything shows without it). */
    static String script() {
        return SCRIPT;
    }

    private static String resource(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
