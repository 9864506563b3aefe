/**
 * Safe text for every output format (CSV, HTML, PowerShell, .reg, terminals): evidence is data, so what a host
 * says can never act on the reader's terminal or tools. JDK only.
 */
package io.tlsready.domain.output;
