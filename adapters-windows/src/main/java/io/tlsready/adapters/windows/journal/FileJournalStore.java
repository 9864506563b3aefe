package io.tlsready.adapters.windows.journal;

import static io.tlsready.adapters.windows.json.ParseMessages.oneVisibleLine;

import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.JournalStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@link JournalStore} port: one {@code tlsready.journal/v1} file per host and run, {@code
 * <directory>/<host>-<runId>.journal.json}. A save never leaves a half-written journal: the new version is written
 * to a temporary file in the same directory and forced to disk, then moved over the old one atomically, then the
 * directory itself is forced (where the OS allows it), so after a crash or a kill the file holds the old version or
 * the new one, whole. Every save is checked to read back equal before it touches the disk.
 */
final class FileJournalStore implements JournalStore {

    static final String SUFFIX = ".journal.json";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_PART = 80;

    /** A point in a save at which a test can stop it, as a kill would. */
    interface Steps {
        Steps NONE = step -> { };

        /** Called after each named step ("temp-written", "moved"); throwing stops the save there. */
        void after(String step) throws IOException;
    }

    private final Path directory;
    private final Steps steps;

    FileJournalStore(Path directory) {
        this(directory, Steps.NONE);
    }

    FileJournalStore(Path directory, Steps steps) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    /** The journal's file in this store's directory. */
    Path fileOf(Journal journal) {
        return directory.resolve(safe(journal.where().host()) + "-" + safe(journal.runId()) + SUFFIX);
    }

    /**
     * A name part that is safe in any file system: letters, digits, dot, dash and underscore kept, anything else
     * an underscore; a part that had to change (or is long, or starts with a dot) gets 8 hex digits of its SHA-256,
     * so that two hosts never share a journal ({@code fe80::1} and {@code fe80__1} differ).
     */
    static String safe(String part) {
        String cleaned = UNSAFE.matcher(part).replaceAll("_");
        if (cleaned.startsWith(".")) {
            cleaned = "_" + cleaned.substring(1);
        }
        boolean changed = !cleaned.equals(part) || cleaned.isEmpty() || cleaned.length() > MAX_PART;
        if (cleaned.length() > MAX_PART) {
            cleaned = cleaned.substring(0, MAX_PART);
        }
        return changed ? cleaned + "_" + sha256(part).substring(0, 8) : cleaned;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String save(Journal journal) {
        Path target = fileOf(journal);
        String where = target.toString();
        byte[] bytes = JournalJson.encode(journal);
        Journal back = JournalJson.decode(bytes, where);
        if (!back.equals(journal)) {
            // e.g. a string with an embedded NUL: no registry holds it, so no journal can promise to restore it
            throw new EvidenceException(where, "the journal would not read back as written (a value no registry can"
                    + " hold?); nothing saved, nothing written to the host");
        }
        Path temp = null;
        try {
            createDirectory();
            temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            steps.after("temp-written");
            move(temp, target);
            temp = null;
            steps.after("moved");
            forceDirectory();
            return where;
        } catch (IOException | SecurityException e) {
            throw new EvidenceException(where, "cannot save the journal: " + problem(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover hidden .tmp file is harmless: loads never read it, saves use new names
                }
            }
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory, so still a rename; only file systems without atomic rename get here
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; Windows cannot open a directory this way, and NTFS journals the rename. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible here: the file itself is already on disk
        }
    }

    @Override
    public Journal load(String location) {
        Path file;
        try {
            file = Path.of(location);
        } catch (RuntimeException e) {
            throw new EvidenceException(oneVisibleLine(location), "not a file path");
        }
        String where = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new EvidenceException(where, "is a directory, expected a " + Journal.SCHEMA + " file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(JournalJson.MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new EvidenceException(where, "no such file");
        } catch (AccessDeniedException e) {
            throw new EvidenceException(where, "cannot read the file: permission denied");
        } catch (IOException | SecurityException e) {
            throw new EvidenceException(where, "cannot read the file: " + problem(e));
        }
        return JournalJson.decode(bytes, where);
    }

    private static String problem(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return oneVisibleLine(f.getReason());
        }
        return oneVisibleLine(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
