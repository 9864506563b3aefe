package io.tlsready.adapters.windows;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates ../shared/corpus/kb: system property tlsready.corpus, else env TLSREADY_CORPUS, else the default. */
final class KbTextCorpus {

    private KbTextCorpus() {
    }

    /** The kb folder; skips the calling test with a visible message when it is missing, fails on CI. */
    static Path kbFolder() {
        String root = System.getProperty("tlsready.corpus");
        String from = "system property tlsready.corpus";
        if (root == null || root.isBlank()) {
            root = System.getenv("TLSREADY_CORPUS");
            from = "env TLSREADY_CORPUS";
        }
        if (root == null || root.isBlank()) {
            root = "../shared/corpus";
            from = "default";
        }
        Path kb = Path.of(root, "kb");
        if (!Files.isDirectory(kb)) {
            String msg = "corpus folder " + kb.toAbsolutePath().normalize() + " (" + from + ") is missing;"
                    + " set -Dtlsready.corpus=... or TLSREADY_CORPUS to run the real-file tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + msg);
            }
            System.err.println("[SKIPPED] " + msg);
            Assumptions.abort(msg);
        }
        return kb;
    }
}
