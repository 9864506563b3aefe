package io.tlsready.formats;

import io.tlsready.domain.report.AuditReport;
import io.tlsready.formats.html.Templates;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One self-contained HTML file (no external resource: it opens from a mail attachment or a locked-down jump host;
 * its CSS and its small script are inline). One host gets its findings FAIL first; a fleet gets a summary with
 * numbers, what to fix first, one host table (sort, filter, group with the script; all shown without it), each
 * host's details collapsed, and each finding kind written once. The jte templates are in {@code src/main/jte};
 * every string that is not the templates' own markup is made visible and escaped on its way out.
 */
final class HtmlRenderer implements ReportRenderer {

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Templates.report(report, w);
        w.flush();
    }
}
