package io.tlsready.formats;

import gg.jte.Content;
import io.tlsready.domain.report.HostReport;
import io.tlsready.formats.html.Templates;

/**
 * Pieces of the HTML report that the service's pages show too, so the two look like one product: a host's findings
 * table and the stylesheet (inlined in the report, served by the dashboard).
 */
public final class HtmlParts {

    private HtmlParts() {
    }

    /**
     * A host's findings table, FAIL first (then WARN, UNKNOWN, INFO, PASS, N/A), each row
     * {@code tr[data-rule][data-status]} with its evidence ({@code td.evidence}), fix and sources: the table the
     * {@code -f html} report shows for a host. Evidence is escaped and made visible whatever output it is written to.
     */
    public static Content findings(HostReport host) {
        return Templates.findings(host);
    }

    /** The CSS both the report (inlined) and the dashboard ({@code /assets/tlsready.css}) use. */
    public static String stylesheet() {
        return Templates.stylesheet();
    }
}
