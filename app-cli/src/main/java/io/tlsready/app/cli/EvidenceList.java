package io.tlsready.app.cli;

import io.tlsready.domain.output.Visible;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A list of evidence files as given on the command line, made into the files to read: a folder stands for its
 * regular files, sorted by name, without dot files and subfolders ({@code scripts/collect-evidence.cmd} tells
 * Windows users to pass {@code OUTDIR\*} or {@code OUTDIR}; both work), and {@code -} for one document read from
 * stdin, recognised by content as files are.
 */
final class EvidenceList {

    /** Evidence on stdin is capped like a file (the offline reader refuses larger ones with a clear message). */
    private static final long MAX_STDIN_BYTES = 64L * 1024 * 1024 + 1;

    private EvidenceList() {
    }

    /**
     * The files to read. A folder with no regular file to read is a usage error naming it; {@code -} twice is too
     * (stdin holds one document).
     */
    static List<Path> expand(List<Path> given, InputStream stdin) {
        List<Path> files = new ArrayList<>();
        boolean stdinUsed = false;
        for (Path p : given) {
            if (OutputTarget.isDash(p)) {
                if (stdinUsed) {
                    throw new UsageException("'-' (stdin) given twice: stdin holds one evidence document");
                }
                stdinUsed = true;
                files.add(fromStdin(stdin));
            } else if (Files.isDirectory(p)) {
                List<Path> inside = folder(p);
                if (inside.isEmpty()) {
                    throw new UsageException(Visible.of(p.toString()) + ": folder holds no evidence file (dot files "
                            + "and subfolders are skipped)");
                }
                files.addAll(inside);
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** Regular files directly in {@code dir}, sorted by name, without dot files. */
    static List<Path> folder(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || isLinkToFile(f))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UsageException(Visible.of(dir.toString()) + ": cannot list the folder: " + e.getMessage());
        }
    }

    private static boolean isLinkToFile(Path f) {
        return Files.isSymbolicLink(f) && Files.isRegularFile(f);
    }

    /** Stdin as text (an inventory): UTF-8, read whole. */
    static String text(InputStream stdin) {
        try {
            return new String(stdin.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading stdin", e);
        }
    }

    /**
     * Stdin copied into a private temporary file called "stdin" (the readers take files; messages and origins then
     * say "stdin"), removed when the JVM exits.
     */
    private static Path fromStdin(InputStream stdin) {
        try {
            Path dir = Files.createTempDirectory("tlsready-");
            Path file = dir.resolve("stdin");
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_STDIN_BYTES));
            if (bytes.length == 0) {
                throw new UsageException("--snapshot -: nothing on stdin");
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("reading evidence from stdin", e);
        }
    }
}
