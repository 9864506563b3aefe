/**
 * How to fix one finding: the registry writes, the updates to install and the steps only a person can do. JDK
 * only.
 */
package io.tlsready.domain.remediation;
