package io.tlsready.regf;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared hive corpus: {@code tlsready.corpus} system property, else env {@code TLSREADY_CORPUS}, else
 * {@code ../shared/corpus}. Missing corpus: tests are skipped with a message, or fail when {@code CI=true}.
 */
final class Corpus {

    private Corpus() {
    }

    static Path hives() {
        String configured = System.getProperty("tlsready.corpus");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("TLSREADY_CORPUS");
        }
        Path root = Path.of(configured == null || configured.isBlank() ? "../shared/corpus" : configured);
        Path hives = root.resolve("hives");
        if (!Files.isDirectory(hives)) {
            String msg = "hive corpus not found at " + hives.toAbsolutePath()
                    + " (set -Dtlsready.corpus or TLSREADY_CORPUS)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            System.err.println("SKIPPED: " + msg);
            assumeTrue(false, msg);
        }
        return hives;
    }

    static Path file(String relative) {
        Path p = hives().resolve(relative);
        if (!Files.isRegularFile(p)) {
            String msg = "corpus hive missing: " + p;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
        return p;
    }

    static Hive open(String relative) {
        Path p = file(relative);
        try {
            return Hive.open(MappedHiveImage.open(p), relative);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys (root included), values and warnings of a full walk that also decodes every value. */
    record Counts(long keys, long values, int warnings) {
    }

    static Counts walk(Hive hive) {
        long[] n = new long[2];
        HiveWalker.walk(hive, new HiveWalker.Visitor() {
            @Override
            public boolean enterKey(HiveKey key, int depth) {
                n[0]++;
                return true;
            }

            @Override
            public void value(HiveKey key, HiveValue value) {
                n[1]++;
                value.toRegValue();
            }
        });
        return new Counts(n[0], n[1], hive.warnings().size());
    }
}
