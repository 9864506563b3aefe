/**
 * Offline evidence files of one host (.reg exports, systeminfo and QFE text, snapshots): the {@code OfflineEvidence}
 * port, which recognises each file by content, hands it to its reader ({@code offline.reg}, {@code offline.kbtext},
 * {@code snapshot}) and merges the answers, rejecting contradictions. May use those readers and the domain; no JNA.
 */
package io.tlsready.adapters.windows.offline;
