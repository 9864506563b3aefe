/**
 * The ports: the interfaces through which the domain reaches evidence (offline files, hives, this machine, remote
 * hosts, snapshots), and the failures they may report. Adapters implement them. JDK only.
 */
package io.tlsready.domain.port;
