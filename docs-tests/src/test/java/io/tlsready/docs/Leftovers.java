package io.tlsready.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes a document run left behind, found by the environment they inherited ({@code /proc/PID/environ}
 * holds {@code TLSREADY_DOCS_RUN=TOKEN}): background jobs a block did not stop, and daemons that left the process
 * group (a KDC). Each is named, then stopped: SIGTERM, and SIGKILL for what is still there a few seconds later.
 */
final class Leftovers {

    static final String VARIABLE = "TLSREADY_DOCS_RUN";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Leftovers() {
    }

    static String token() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Stops every process carrying the token and returns what it found, one line each ("pid 123: java … -cp …").
     * A process that ends by itself within a short grace period (a daemon told to stop by the block's last line)
     * is not a leftover.
     */
    static List<String> stop(String token) throws InterruptedException {
        List<ProcessHandle> found = marked(token);
        for (int i = 0; i < 50 && !found.isEmpty(); i++) {
            Thread.sleep(100);
            found = marked(token);
        }
        List<String> described = new ArrayList<>();
        found.forEach(p -> described.add("pid " + p.pid() + ": " + p.info().commandLine().orElse("?")));
        found.forEach(ProcessHandle::destroy);
        for (int i = 0; i < 50 && found.stream().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(100);
        }
        found.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return described;
    }

    static List<ProcessHandle> marked(String token) {
        byte[] needle = (VARIABLE + "=" + token).getBytes(StandardCharsets.US_ASCII);
        List<ProcessHandle> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    if (contains(Files.readAllBytes(p.resolve("environ")), needle)) {
                        ProcessHandle.of(Long.parseLong(p.getFileName().toString())).filter(ProcessHandle::isAlive)
                                .ifPresent(out::add);
                    }
                } catch (IOException | SecurityException e) {
                    // gone meanwhile, or another user's: not ours
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (i > 0 && haystack[i - 1] != 0) {
                continue; // variables start after a NUL
            }
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            if (i + needle.length == haystack.length || haystack[i + needle.length] == 0) {
                return true;
            }
        }
        return false;
    }
}
