/**
 * WinRM message encryption over HTTP (MS-WSMV 2.2.9.1): the {@code multipart/encrypted} framing around a message
 * sealed by an NTLM or a Kerberos context, the same on either side of the wire. Neither protocol's room: it may use
 * the NTLM session it frames and the JDK; Kerberos plugs in through {@code WinRmEncryption.Sealer}.
 */
package io.tlsready.adapters.winrm.encryption;
