/**
 * The Windows evidence adapters, one room per kind of evidence: {@code offline} (the façade over evidence files, with
 * {@code offline.reg} and {@code offline.kbtext}), {@code snapshot} (tlsready's JSON snapshots), {@code hive}
 * (registry hive files) and {@code live} (this machine's registry and WMI through JNA). Each room is reached through
 * its domain port, bound by its public Guice {@code *Module}; nothing lives here directly.
 */
package io.tlsready.adapters.windows;
