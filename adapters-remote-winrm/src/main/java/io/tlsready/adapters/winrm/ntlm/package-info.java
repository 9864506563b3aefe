/**
 * The client side of NTLMv2 (MS-NLMP) as WinRM uses it: the three messages, the keys, and signing and sealing for
 * message encryption, with the JDK only. Public where another room of the adapter needs it, plus
 * {@link io.tlsready.adapters.winrm.ntlm.NtlmV2Proofs}, the one door kept open on purpose for the simulator's NTLM
 * server; the primitives ({@code NtlmCrypto}, {@code Rc4}, the wire readers) stay package-private.
 */
package io.tlsready.adapters.winrm.ntlm;
