/**
 * The WS-Management protocol (MS-WSMV): SOAP envelopes, enumeration of WMI classes, StdRegProv method calls and
 * faults, and the collector that turns them into host facts. JDK XML only; the transport is behind an interface.
 */
package io.tlsready.adapters.winrm.wsman;
