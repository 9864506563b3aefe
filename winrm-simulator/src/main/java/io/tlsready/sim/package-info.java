/**
 * The WinRM host simulator ({@code tlsready-sim}): simulated Windows hosts on loopback, one or a fleet, served over
 * HTTP with NTLM or Kerberos message encryption or over HTTPS, with latency and fault injection, for tests, demos
 * and the fleet benchmark. Never shipped in the CLI or the REST server. This room holds the command line, the fleet
 * and its hosts, the HTTP connection with its authentication, the injected faults, and the throw-away Kerberos
 * realm; the answers themselves are {@code sim.wmi}'s and the NTLM server side is {@code sim.ntlm}'s. May use the
 * domain, both adapters and the JDK (and MIT Kerberos binaries as processes, for the test realm).
 */
package io.tlsready.sim;
