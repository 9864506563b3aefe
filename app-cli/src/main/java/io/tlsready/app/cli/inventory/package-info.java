/**
 * Fleet inventories read by the CLI: host lists, CSV and Ansible INI files, turned into WinRM hosts with their
 * ports and variables.
 */
package io.tlsready.app.cli.inventory;
