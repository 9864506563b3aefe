/**
 * What the service remembers about hosts: every stored report, the latest verdict per host, and per pair of
 * consecutive reports the rules whose status changed (drift). Values only, computed without a database; the
 * {@link io.tlsready.domain.port.ReportHistory} port keeps them. JDK only.
 */
package io.tlsready.domain.history;
