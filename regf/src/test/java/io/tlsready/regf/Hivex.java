package io.tlsready.regf;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The hivex command-line tools (Debian libhivex-bin / libwin-hivex-perl), the peer our reader is checked against.
 * Missing tools skip the calling test with a visible message, except under {@code CI=true}, where {@code .ci/run}
 * installs them and their absence is a failure.
 */
final class Hivex {

    /** Longest any single hivex run may take; the biggest corpus hive exports in about 1.5 s. */
    static final long TIMEOUT_SECONDS = 30;

    private Hivex() {
    }

    /** The path of {@code tool} on PATH, or the test is skipped (failed under CI). */
    static Path require(String tool) {
        Optional<Path> found = find(tool);
        if (found.isEmpty()) {
            String msg = tool + " (hivex) is not installed: apt-get install libhivex-bin libwin-hivex-perl";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " (.ci/run installs it; CI=true requires the cross-check)");
            }
            System.err.println("SKIPPED: " + msg);
            assumeTrue(false, msg);
        }
        return found.get();
    }

    static Optional<Path> find(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** What one hivex run printed: its exit code, stdout (raw bytes) and stderr. */
    record Run(int exitCode, byte[] out, String err) {
    }

    /** Runs {@code command} to completion, stdout and stderr through temporary files (no pipe can fill up). */
    static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("hivex", ".out");
        Path err = Files.createTempFile("hivex", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
