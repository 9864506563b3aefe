/**
 * The report documents of tlsready: JSON ({@code tlsready.report/v1}), JSON Lines, CSV, HTML, JUnit and SARIF, each
 * rendered from the domain's {@code AuditReport}, shared by the CLI ({@code audit -f}) and the REST API (scan
 * reports) so that the two write the same bytes; {@link io.tlsready.formats.HtmlParts} lends the HTML report's
 * findings table and stylesheet to the service's pages. Depends on the domain, the JDK, Jackson and the jte runtime
 * (the HTML templates are compiled at build time, room {@code html}); output escaping comes from the domain's
 * {@code output} room.
 */
package io.tlsready.formats;
