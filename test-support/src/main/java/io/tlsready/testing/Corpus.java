package io.tlsready.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real-world corpus ({@code ../shared/corpus}: hives, .reg, systeminfo, WinRM captures), read in place and never
 * copied. Where it is: the system property {@code tlsready.corpus} (the build sets it), else the environment variable
 * {@code TLSREADY_CORPUS}, else {@code ../shared/corpus} beside the project. A missing corpus skips the calling test
 * visibly, and fails it when {@code CI=true}: CI always has the corpus, so a skip there would hide a lost cross-check.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus root if it exists; never skips. */
    public static Optional<Path> find() {
        return Optional.of(location()).filter(Files::isDirectory);
    }

    /** The corpus root; skips (or on CI fails) the calling test when missing. */
    public static Path root() {
        return require(location(), "corpus");
    }

    /** A corpus folder such as {@code hives}, {@code reg}, {@code systeminfo} or {@code winrm}. */
    public static Path dir(String name) {
        return require(location().resolve(name), "corpus folder");
    }

    /** A corpus file, e.g. {@code file("hives", "minimal")}; skips (or on CI fails) when missing. */
    public static Path file(String first, String... more) {
        Path p = location().resolve(Path.of(first, more));
        if (!Files.isRegularFile(p)) {
            missing("corpus file missing: " + p);
        }
        return p;
    }

    /** The regular files of a corpus folder whose names end with {@code suffix} (any when empty), sorted. */
    public static List<Path> files(String folder, String suffix) {
        try (Stream<Path> files = Files.list(dir(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's bytes (a corpus file, read in place). */
    public static byte[] bytes(String first, String... more) {
        try {
            return Files.readAllBytes(file(first, more));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path require(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            missing(what + " not found at " + dir + " (set -Dtlsready.corpus or TLSREADY_CORPUS)");
        }
        return dir;
    }

    private static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: the corpus is required)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    private static Path location() {
        String configured = System.getProperty("tlsready.corpus");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("TLSREADY_CORPUS");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // A module's tests run in the module folder: the project is its parent, ../shared beside the project.
        Path here = Path.of("").toAbsolutePath();
        Path project = Files.isRegularFile(here.resolve("mvnw")) ? here : here.getParent();
        return project.resolveSibling("shared").resolve("corpus").normalize();
    }
}
