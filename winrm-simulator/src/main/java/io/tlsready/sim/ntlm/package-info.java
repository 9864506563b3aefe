/**
 * The server side of NTLM for the simulated hosts: verifies a client's handshake against local accounts and yields
 * the session that unseals its messages. Test and demo code, never shipped: it sits outside the production WinRM
 * adapter and uses only that adapter's public NTLM messages and {@code NtlmV2Proofs}, plus the JDK.
 */
package io.tlsready.sim.ntlm;
