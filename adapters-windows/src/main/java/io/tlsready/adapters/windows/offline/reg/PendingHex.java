package io.tlsready.adapters.windows.offline.reg;

import java.io.ByteArrayOutputStream;

/** A {@code hex:} value whose comma-separated bytes may continue on the next lines (after a trailing backslash). */
final class PendingHex {
    final String name;
    final int type;
    final int line;
    /** Why the value's name is doubtful (an unknown escape), or null. */
    final String nameDoubt;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PendingHex(String name, int type, int line, String nameDoubt) {
        this.name = name;
        this.type = type;
        this.line = line;
        this.nameDoubt = nameDoubt;
    }
}
