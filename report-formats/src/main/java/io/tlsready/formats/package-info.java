/**
 * The report documents of tlsready: JSON ({@code tlsready.report/v1}), JSON Lines, CSV, HTML, JUnit and SARIF, each
 * rendered from the domain's {@code AuditReport}, shared by the CLI ({@code audit -f}) and the REST API (scan
 * reports) so that the two write the same bytes. Depends on the domain, the JDK and Jackson only; output escaping
 * comes from the domain's {@code output} room.
 */
package io.tlsready.formats;
