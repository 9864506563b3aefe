/**
 * The {@code tlsready.snapshot/v1} JSON codec (docs/snapshot-format.md) and the {@code SnapshotWriter} port bound by
 * {@code SnapshotModule}. The one room that may use Jackson; reading is strict because snapshots come from others.
 */
package io.tlsready.adapters.windows.snapshot;
