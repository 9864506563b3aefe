/**
 * The remediation plan of one host (registry writes, updates, manual steps), its .reg and PowerShell forms, and
 * the check that a plan was applied. JDK only.
 */
package io.tlsready.domain.plan;
