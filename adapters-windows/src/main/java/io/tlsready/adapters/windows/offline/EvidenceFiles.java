package io.tlsready.adapters.windows.offline;

import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.HintedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an evidence file whole, with a size cap so a wrong path (a disk image, a hive) fails fast. */
final class EvidenceFiles {

    /** Text evidence is small; a .reg export of a whole hive is rarely above a few MiB. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private EvidenceFiles() {
    }

    static byte[] read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new EvidenceException(file.toString(), "is a directory, not an evidence file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new EvidenceException(file.toString(), HintedText.of("too large for text evidence ("
                        + size + " bytes, limit " + MAX_BYTES + "); ", new Hint.PassHives()));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EvidenceException(file.toString(), "no such file", e);
        } catch (IOException | SecurityException e) {
            throw new EvidenceException(file.toString(), "cannot read: " + e, e);
        }
    }

    /** The file name without directories, as used in origins ("tls.reg:12"). */
    static String name(Path file) {
        Path name = file.getFileName();
        return name != null ? name.toString() : file.toString();
    }
}
