/**
 * Strict JSON reading and terminal-safe JSON writing shared by the snapshot and journal codecs; Jackson and the
 * domain's output rules only.
 */
package io.tlsready.adapters.windows.json;
