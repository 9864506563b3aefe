package io.tlsready.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * Where the WinRM password comes from, in this order: {@code --password-file} (its first line), the variable
 * {@code TLSREADY_PASSWORD}, a prompt on the console. Never the command line: arguments end up in shell history
 * and in every process listing. The password is never printed, logged or put into a message.
 */
final class Passwords {

    static final String VARIABLE = "TLSREADY_PASSWORD";
    static final String MISSING = "no password: set " + VARIABLE + " or use --password-file";

    private Passwords() {
    }

    static char[] resolve(Path file, String user, Environment env, PrintWriter err) {
        if (file != null) {
            return fromFile(file, err);
        }
        String fromEnv = env.variable(VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] typed = env.readPassword("Password for " + user + ": ");
        if (typed == null || typed.length == 0) {
            throw new UsageException(MISSING);
        }
        return typed;
    }

    private static char[] fromFile(Path file, PrintWriter err) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("--password-file " + file + ": cannot read it (" + e.getClass().getSimpleName()
                    + ")");
        }
        warnIfShared(file, err);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int start = chars.length() > 0 && chars.charAt(0) == '\uFEFF' ? 1 : 0;
        int end = start;
        while (end < chars.length() && chars.charAt(end) != '\n' && chars.charAt(end) != '\r') {
            end++;
        }
        char[] password = new char[end - start];
        chars.position(start);
        chars.get(password);
        chars.clear();
        while (chars.hasRemaining()) {
            chars.put('\0');
        }
        if (password.length == 0) {
            throw new UsageException("--password-file " + file + ": the first line is empty");
        }
        return password;
    }

    /** Group- or world-readable password files are a leak waiting to happen; say so (POSIX only). */
    private static void warnIfShared(Path file, PrintWriter err) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                err.println("tlsready: warning: --password-file " + file + " is readable by other users; "
                        + "restrict it with: chmod 600 " + file);
            }
        } catch (IOException e) {
            // cannot tell; reading worked, so carry on
        }
    }
}
