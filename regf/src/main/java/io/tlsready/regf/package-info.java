/**
 * regf: Windows registry hive files (the "regf" format) and their transaction logs, read-only, on the JDK alone.
 *
 * <p>The public API is what a reader of offline hives needs: {@link io.tlsready.regf.HiveRecovery} opens a hive file
 * and replays the transaction logs found beside it (old {@code DIRT} and new {@code HvLE} formats) into a
 * {@link io.tlsready.regf.RecoveryResult}; {@link io.tlsready.regf.Hive}, {@link io.tlsready.regf.HiveKey} and
 * {@link io.tlsready.regf.HiveValue} walk keys and values (or {@link io.tlsready.regf.HiveWalker} the whole tree),
 * giving each value's type code and raw data; damage is reported as {@link io.tlsready.regf.HiveWarning}s, never
 * thrown past a cell; {@link io.tlsready.regf.RegExportWriter} writes a subtree as regedit's .reg export. Images
 * ({@link io.tlsready.regf.HiveImage}: a mapped file or a byte array) are where the bytes come from.
 *
 * <p>Everything else (cells, base blocks, subkey lists, log files and their replay, the page overlay, the Marvin32
 * hash) is package-private. The library uses the JDK only: no tlsready domain, no framework (an ArchUnit rule checks
 * it); what a value means (a DWORD, a string) is the caller's business.
 */
package io.tlsready.regf;
