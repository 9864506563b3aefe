/**
 * The result of an audit: host reports with their findings and the counts and verdicts scripts read. JDK only.
 */
package io.tlsready.domain.report;
