/**
 * Fleet scans as shared jobs: a scan is a list of targets that any number of service instances work through
 * together, each target leased by one instance at a time (with an expiry, so a dead instance's hosts go to the
 * others) and recorded once. Values only; the {@link io.tlsready.domain.port.ScanQueue} port keeps them. JDK only.
 */
package io.tlsready.domain.scan;
