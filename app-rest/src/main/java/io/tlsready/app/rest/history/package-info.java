/**
 * The history room of the REST API: what the service remembers. {@code GET /api/v1/hosts} (the latest report per
 * host, filtered, sorted and paged), {@code GET /api/v1/fleet} (verdict counts, what to fix first, why hosts were
 * unreachable, readiness by day), {@code GET /api/v1/hosts/{host}/history} (every report of a host, newest first, with
 * the rules that changed between consecutive ones) and {@code GET /api/v1/scans/{id}/report} (a scan's reports as
 * one document in any format the CLI writes, from report-formats). Storage only through the domain ports
 * {@code ReportHistory} and {@code ScanQueue}; {@link io.tlsready.app.rest.history.HistoryModule} is the door.
 */
package io.tlsready.app.rest.history;
