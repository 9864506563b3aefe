/**
 * Fleet scans as jobs: {@code POST/GET/DELETE /api/v1/scans} (a host list or an inventory text, in every format
 * the CLI reads, and the name of a credential profile from the server's file), and a {@link
 * io.tlsready.app.rest.scans.ScanWorker} per server instance that leases the scans' hosts from the shared
 * {@link io.tlsready.domain.port.ScanQueue}, audits them over WinRM with the CLI's defaults and records each report
 * as it finishes. Passwords live only in the credentials file and in memory, never in the store or an answer.
 */
package io.tlsready.app.rest.scans;
