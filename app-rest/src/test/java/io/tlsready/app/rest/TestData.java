package io.tlsready.app.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Data directories for stores under test: fresh ones inside the module's build directory (target/). */
final class TestData {

    private TestData() {
    }

    static Path freshDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
