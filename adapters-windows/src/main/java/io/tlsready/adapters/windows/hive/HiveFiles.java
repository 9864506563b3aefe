package io.tlsready.adapters.windows.hive;

import io.tlsready.domain.port.EvidenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the hive files of one Windows installation: SYSTEM and SOFTWARE (and their .LOG, .LOG1, .LOG2) in a
 * folder, or under {@code Windows\System32\config} of a mounted volume. Names match in any case, because
 * volumes mounted on Linux keep the case Windows wrote ("config\SYSTEM", "System32", "system32").
 */
record HiveFiles(Path folder, Optional<Path> system, List<Path> systemLogs, Optional<Path> software,
        List<Path> softwareLogs) {

    static HiveFiles locate(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new EvidenceException(dir.toString(), Files.exists(dir) ? "not a folder (give the folder that holds "
                    + "SYSTEM and SOFTWARE)" : "no such folder");
        }
        Path folder = dir;
        if (child(dir, "SYSTEM").isEmpty() && child(dir, "SOFTWARE").isEmpty()) {
            Optional<Path> config = child(dir, "Windows").flatMap(w -> child(w, "System32")).flatMap(s -> child(s, "config"));
            if (config.isEmpty()) {
                throw new EvidenceException(dir.toString(), "no SYSTEM or SOFTWARE hive here, and no "
                        + "Windows/System32/config below it");
            }
            folder = config.get();
        }
        Optional<Path> system = child(folder, "SYSTEM").filter(Files::isRegularFile);
        Optional<Path> software = child(folder, "SOFTWARE").filter(Files::isRegularFile);
        if (system.isEmpty() && software.isEmpty()) {
            throw new EvidenceException(folder.toString(), "no SYSTEM or SOFTWARE hive file in this folder");
        }
        return new HiveFiles(folder, system, logs(folder, "SYSTEM"), software, logs(folder, "SOFTWARE"));
    }

    /** SYSTEM.LOG (old format), SYSTEM.LOG1 and SYSTEM.LOG2 (new format), in any case. */
    private static List<Path> logs(Path folder, String hive) {
        List<Path> out = new ArrayList<>();
        for (String suffix : List.of(".LOG", ".LOG1", ".LOG2")) {
            child(folder, hive + suffix).filter(Files::isRegularFile).ifPresent(out::add);
        }
        return out;
    }

    /** The entry of {@code dir} named {@code name} ignoring case; an exact match wins. */
    static Optional<Path> child(Path dir, String name) {
        Path exact = dir.resolve(name);
        if (Files.exists(exact)) {
            return Optional.of(exact);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().toUpperCase(Locale.ROOT)
                    .equals(name.toUpperCase(Locale.ROOT))).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
