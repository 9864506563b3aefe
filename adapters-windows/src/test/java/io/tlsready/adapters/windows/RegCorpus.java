package io.tlsready.adapters.windows;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real .reg files in {@code ../shared/corpus/reg} (not written by us; read in place, never copied).
 * Location: system property {@code tlsready.corpus}, else env {@code TLSREADY_CORPUS}, else
 * {@code ../shared/corpus} beside the project. Missing: tests skip visibly, but fail when {@code CI=true}.
 */
final class RegCorpus {

    private RegCorpus() {
    }

    /** The corpus reg folder if it exists; no skipping. */
    static Optional<Path> find() {
        return Optional.of(location()).filter(Files::isDirectory);
    }

    /** The corpus reg folder; skips the calling test (or fails it on CI) when missing. */
    static Path dir() {
        Optional<Path> reg = find();
        if (reg.isEmpty()) {
            String message = "corpus not found at " + location().toAbsolutePath()
                    + " (set -Dtlsready.corpus or TLSREADY_CORPUS)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
        return reg.orElseThrow();
    }

    private static Path location() {
        String configured = System.getProperty("tlsready.corpus", System.getenv("TLSREADY_CORPUS"));
        Path corpus = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus").normalize();
        return corpus.resolve("reg");
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    static List<Path> regFiles() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".reg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
