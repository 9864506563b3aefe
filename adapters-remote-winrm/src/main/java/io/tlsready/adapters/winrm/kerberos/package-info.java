/**
 * Kerberos for WinRM: login and security contexts through the JDK's JAAS and GSS-API, and the sealing of
 * WS-Management messages with the negotiated context. JDK only.
 */
package io.tlsready.adapters.winrm.kerberos;
