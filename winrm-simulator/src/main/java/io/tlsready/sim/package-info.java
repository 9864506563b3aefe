/**
 * The WinRM host simulator ({@code tlsready-sim}): simulated Windows hosts answering WS-Management over HTTP(S)
 * with NTLM, Kerberos or Basic, fault injection and fleets, for demos and tests. Never shipped in the apps.
 */
package io.tlsready.sim;
