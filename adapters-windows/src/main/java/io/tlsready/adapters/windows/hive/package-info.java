/**
 * The {@code HiveEvidence} port: the registry hive files of an offline Windows (a disk image, a restore point)
 * answered as host facts, bound by {@code HiveEvidenceModule}. Reads the hives through the regf library, replaying
 * their transaction logs; no JNA, runs on any OS.
 */
package io.tlsready.adapters.windows.hive;
