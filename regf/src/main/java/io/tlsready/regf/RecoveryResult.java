package io.tlsready.regf;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of {@link HiveRecovery}: the image to read (the primary itself, or an {@link OverlayHiveImage} with the
 * log data applied) and what was done to it.
 *
 * @param image the hive image to open with {@link Hive#open}
 * @param dirty whether the primary file was dirty (sequence numbers differ or bad base-block checksum)
 * @param recovered whether log data or a base block from a log was applied; false means {@code image} is the primary
 * @param baseBlockRestored whether the primary's base block was unusable and was taken from a log
 * @param entriesApplied new-format log entries applied (0 for an old-format recovery)
 * @param pagesApplied dirty pages written: page references of the applied entries (new format, 4096 bytes or more
 *     each) or 512-byte pages of the dirty vector (old format)
 * @param notes everything recovery did or declined to do, one human-readable line each, in order
 * @param warnings the subset of {@code notes} that means the result may be stale or damaged (keyPath "",
 *     cellOffset -1), ready to be reported next to the reader's own warnings
 */
public record RecoveryResult(HiveImage image, boolean dirty, boolean recovered, boolean baseBlockRestored,
        int entriesApplied, long pagesApplied, List<String> notes, List<HiveWarning> warnings) {

    public RecoveryResult {
        Objects.requireNonNull(image, "image");
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** Opens the recovered image with the reader. */
    public Hive open(String name) {
        return Hive.open(image, name);
    }

    /** Replaced 4096-byte pages held on the heap (0 when the primary is returned as is). */
    public int overlayPages() {
        return image instanceof OverlayHiveImage ? ((OverlayHiveImage) image).pageCount() : 0;
    }

    /** Heap bytes held by the overlay (0 when the primary is returned as is). */
    public long overlayHeapBytes() {
        return image instanceof OverlayHiveImage ? ((OverlayHiveImage) image).heapBytes() : 0;
    }
}
