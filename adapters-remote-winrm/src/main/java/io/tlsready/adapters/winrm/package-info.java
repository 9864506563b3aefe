/**
 * The remote-host adapter: the {@code RemoteHosts} port answered over WinRM (WS-Management), and the
 * {@code RemoteEditors} port (the {@code edit} room), both bound by the public {@code WinRmModule}. The only module
 * that may use the Micronaut HTTP client and Netty; its rooms are {@code wsman}, {@code transport}, {@code edit},
 * {@code ntlm}, {@code kerberos} and {@code encryption}.
 */
package io.tlsready.adapters.winrm;
