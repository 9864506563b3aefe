/**
 * The remote-host adapter: the {@code RemoteHosts} port answered over WinRM (WS-Management), bound by the public
 * {@code WinRmModule}. The only module that may use the Micronaut HTTP client and Netty; its rooms are
 * {@code wsman}, {@code transport}, {@code ntlm} and {@code kerberos}.
 */
package io.tlsready.adapters.winrm;
