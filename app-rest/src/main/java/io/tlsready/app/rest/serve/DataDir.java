package io.tlsready.app.rest.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The service's data directory ({@code --data}): the SQLite database and the initial token live here, so it is made
 * readable by its owner only (mode 700 on POSIX), and secrets are written into files that are mode 600 from the
 * moment they exist.
 */
record DataDir(Path path) {

    static final String INITIAL_TOKEN = "initial-token";

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /**
     * The directory, created (with its parents) mode 700 when missing.
     *
     * @throws ServeFailure exit 2 when it is not a directory or cannot be created
     */
    static DataDir prepare(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(dir)) {
                if (Files.exists(dir)) {
                    throw ServeFailure.badInput("--data " + dir + ": exists and is not a directory");
                }
                if (dir.getParent() != null) {
                    Files.createDirectories(dir.getParent());
                }
                Files.createDirectory(dir, ownerOnly("rwx------"));
            }
        } catch (FileAlreadyExistsException e) {
            // made by a second instance at the same moment: use it
        } catch (IOException e) {
            throw new ServeFailure(ServeFailure.BAD_INPUT, "--data " + dir + ": cannot create the directory ("
                    + JdbcUrls.oneLine(e) + ")", e);
        }
        return new DataDir(dir);
    }

    Path initialToken() {
        return path.resolve(INITIAL_TOKEN);
    }

    /**
     * Writes a secret to a new temporary file in the directory, created mode 600 (never readable by others, not
     * for an instant); {@link #publish} moves it to its name.
     */
    Path stageSecret(String secret) {
        try {
            Path tmp = Files.createTempFile(path, ".initial-token", ".tmp", ownerOnly("rw-------"));
            Files.writeString(tmp, secret + System.lineSeparator(), StandardCharsets.UTF_8);
            return tmp;
        } catch (IOException e) {
            throw new ServeFailure(ServeFailure.BAD_INPUT, "cannot write a file in " + path + " ("
                    + JdbcUrls.oneLine(e) + ")", e);
        }
    }

    /** Moves a staged file to its final name in one step (replacing a stale one). */
    Path publish(Path staged, String name) {
        Path target = path.resolve(name);
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            discard(staged);
            throw new ServeFailure(ServeFailure.BAD_INPUT, "cannot write " + target + " (" + JdbcUrls.oneLine(e)
                    + ")", e);
        }
    }

    static void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            // a leftover temporary file, mode 600, in the data directory: harmless
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString(permissions);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }
}
