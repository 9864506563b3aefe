/**
 * The fleet use case: audit many remote hosts at once through the {@code RemoteHosts} port, with a cap on hosts in
 * flight, a deadline per host, retries of transient failures, and every result streamed to a listener as it comes.
 * {@link io.tlsready.domain.fleet.FleetAudit} is the contract for a list of hosts (the CLI);
 * {@link io.tlsready.domain.fleet.HostAuditor} gives the same attempts, retries and deadline one host at a time to a
 * caller that hands out hosts itself (the REST server's scan worker, leasing them from a shared queue); the other
 * classes are their parts, package-private.
 * <p>
 * May use the domain's audit, port and report packages and the JDK, nothing else. The threads are
 * {@code java.util.concurrent} (JDK, so the domain stays framework-free) and live here on purpose: concurrency cap,
 * per-host deadline and Ctrl-C cancellation are behaviour of the use case that every app must get identically, and
 * a port for them would need a module of its own to share one implementation between the apps.
 */
package io.tlsready.domain.fleet;
