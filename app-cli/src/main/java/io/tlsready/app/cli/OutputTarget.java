package io.tlsready.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command's result goes: stdout (no file, or {@code -}), or a file replaced atomically (written beside it,
 * then moved) so an interrupted run never leaves half a report where the old one was. A file called {@code -} is
 * never created: {@code -o -} means stdout, as it does for every tool admins know.
 */
final class OutputTarget {

    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputTarget() {
    }

    /** True for {@code -}, which names stdout (or stdin) wherever a file is taken. */
    static boolean isDash(Path file) {
        return file != null && file.toString().equals("-");
    }

    /** The file, or null (stdout) for {@code -}. */
    static Path orStdout(Path file) {
        return isDash(file) ? null : file;
    }

    static void write(Path file, PrintWriter stdout, Body body) throws IOException {
        if (file == null || isDash(file)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            body.writeTo(buffer);
            stdout.print(buffer.toString(StandardCharsets.UTF_8));
            stdout.flush();
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(file + ": folder does not exist");
        }
        // Not Files.createTempFile: it makes the file owner-only (0600), and the report should get the usual umask.
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Raw bytes to stdout (the .reg plan is UTF-16LE and must not pass through a character writer). */
    static void writeBytes(Path file, PrintWriter stdout, OutputStream rawStdout, byte[] bytes) throws IOException {
        if (file == null || isDash(file)) {
            stdout.flush();
            rawStdout.write(bytes);
            rawStdout.flush();
            return;
        }
        write(file, stdout, out -> out.write(bytes));
    }
}
