package io.tlsready.app.rest;

import io.javalin.http.HttpStatus;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.HostReportReader;
import io.tlsready.domain.report.ReportDocument;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence of one request, written to a private temporary directory because the {@code OfflineEvidence}
 * port reads files. Each file keeps its uploaded name (in a numbered sub-directory, so names never collide):
 * the adapter names files in errors and provenance, and uses the name as a last-resort host name.
 * {@link #scrub} then removes the directory from anything shown to the client. {@link #close} deletes it all.
 */
final class EvidenceUpload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceUpload.class);
    /** Path separators, Windows-reserved characters and controls: nothing that could leave the directory. */
    private static final Pattern UNSAFE = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");
    private static final int MAX_NAME = 120;

    private final Path dir;
    private final long maxBytes;
    private final Pattern storedPrefix;
    private final List<Path> files = new ArrayList<>();
    private long written;

    private EvidenceUpload(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        String root = dir.toString() + File.separator;
        this.storedPrefix = Pattern.compile(Pattern.quote(root) + "\\d+" + Pattern.quote(File.separator));
    }

    /** Creates the directory, readable by this user only where the file system can say so. */
    static EvidenceUpload create(long maxBytes) throws IOException {
        Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempDirectory("tlsready-rest-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("tlsready-rest-"); // Windows: the per-user temp folder's ACL applies
        // the real path, because that is the spelling the adapter may echo back (e.g. /private/tmp on macOS)
        return new EvidenceUpload(dir.toRealPath(), maxBytes);
    }

    /**
     * Stores one file, counting bytes against the request limit across all files: a chunked request has no
     * Content-Length to check up front.
     *
     * @throws ProblemException 413 when the limit is passed
     */
    Path save(String uploadedName, InputStream in) throws IOException {
        Path sub = Files.createDirectory(dir.resolve(Integer.toString(files.size())));
        Path file = sub.resolve(safeName(uploadedName, files.size()));
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                written += n;
                if (written > maxBytes) {
                    throw ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge(maxBytes));
                }
                out.write(buf, 0, n);
            }
        }
        files.add(file);
        return file;
    }

    static String tooLarge(long maxBytes) {
        return "the request body is larger than this server accepts (" + maxBytes + " bytes in total)";
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    /** The uploaded name reduced to one harmless path segment; a name that reduces to nothing gets a number. */
    static String safeName(String uploadedName, int index) {
        String name = uploadedName == null ? "" : uploadedName;
        // browsers and curl send a base name, but old clients send a full Windows path: keep its last segment
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNSAFE.matcher(name).replaceAll("_").strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? "evidence-" + (index + 1) : name;
    }

    /** The text with every stored path replaced by the uploaded file name (and the directory by nothing). */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String s = storedPrefix.matcher(text).replaceAll("");
        return s.replace(dir.toString(), "upload");
    }

    /** The same for every string in a report tree (maps and lists as {@code ReportDocument} builds them). */
    Object scrub(Object tree) {
        if (tree instanceof String s) {
            return scrub(s);
        }
        if (tree instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, scrub(v)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(scrub(v)));
            return copy;
        }
        return tree;
    }

    /**
     * The same for a host report, before it is kept: its {@code tlsready.report/v1} host object scrubbed like an
     * answer, read back into a report, so the store holds exactly what the client was shown.
     */
    HostReport scrub(HostReport h) {
        return HostReportReader.read(scrub((Object) ReportDocument.host(h)));
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // the request's answer does not depend on this; an operator can clean the temp folder
            LOG.warn("could not delete upload directory {}: {}", dir, e.toString());
        }
    }

    /** For tests: where this request's files live. */
    Path directory() {
        return dir;
    }
}
