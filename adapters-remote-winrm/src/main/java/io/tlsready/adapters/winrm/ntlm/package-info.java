/**
 * NTLM (MS-NLMP) written out: the three messages, NTLMv2 responses, channel bindings and WinRM message
 * encryption. JDK only; the simulator uses the server side.
 */
package io.tlsready.adapters.winrm.ntlm;
