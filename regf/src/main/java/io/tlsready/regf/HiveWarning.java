package io.tlsready.regf;

import java.util.Objects;

/**
 * Something the reader skipped or distrusted while reading a damaged hive.
 *
 * @param keyPath path (relative to the hive root, "" = root) of the key being read when it happened
 * @param cellOffset hive-bins offset of the offending cell (file offset minus 4096), or -1 for the base block
 * @param reason one line: what was wrong and what the reader did about it
 */
public record HiveWarning(String keyPath, long cellOffset, String reason) {

    public HiveWarning {
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        String where = keyPath.isEmpty() ? "(root)" : keyPath;
        return cellOffset < 0 ? where + ": " + reason
                : where + " [cell 0x" + Long.toHexString(cellOffset) + "]: " + reason;
    }
}
