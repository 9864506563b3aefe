/**
 * What a simulated host answers over WS-Management, from offline evidence: StdRegProv over a registry built from the
 * facts (its writes, CreateKey, Set…Value, DeleteValue and DeleteKey, change that registry, which exports as a
 * regedit .reg), and WS-Enumeration of Win32_OperatingSystem and Win32_QuickFixEngineering, in the shapes Windows
 * replies with. Plain SOAP in, SOAP out: no sockets, authentication or fault injection here (the simulator's main package
 * does those). May use the domain's facts, the WinRM adapter's WS-Man messages and the JDK.
 */
package io.tlsready.sim.wmi;
