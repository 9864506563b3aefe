package io.tlsready.sim;

import io.tlsready.domain.facts.HostFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Shared test material: the examples/ evidence sets and a test account. */
final class TestFleets {

    static final String USER = "sim-admin";
    static final char[] PASSWORD = "S1mulated-Passw0rd!".toCharArray();

    private TestFleets() {
    }

    static Path examples() {
        for (Path p : List.of(Path.of("..", "examples"), Path.of("examples"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("examples/ not found from " + Path.of("").toAbsolutePath());
    }

    /** Every example evidence set (a directory of files for one host). */
    static List<Path> exampleSets() {
        try (Stream<Path> dirs = Files.list(examples())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The set's files, or the set folder itself when it is a hive volume (no files at its top). */
    static List<Path> files(Path set) {
        try (Stream<Path> files = Files.list(set)) {
            List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
            return regular.isEmpty() ? List.of(set) : regular;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostFacts facts(String set) {
        return EvidenceFacts.load(files(examples().resolve(set)));
    }
}
