/**
 * How one WS-Management request reaches a host: HTTP(S) channels, TLS trust and certificate pinning, the Basic,
 * NTLM and Kerberos transports, and deadlines. May use the Micronaut HTTP client and the sibling auth rooms.
 */
package io.tlsready.adapters.winrm.transport;
