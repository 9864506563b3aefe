/**
 * Fleet inventories, read alike by the CLI (files) and the REST API (request text): host lists, CSV and Ansible INI,
 * turned into WinRM hosts with their ports and variables. JDK only; may use the port package's
 * {@link io.tlsready.domain.port.RemoteTarget} and {@link io.tlsready.domain.port.EvidenceException}, never the
 * other way round.
 */
package io.tlsready.domain.inventory;
