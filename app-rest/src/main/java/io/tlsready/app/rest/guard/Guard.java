package io.tlsready.app.rest.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.tlsready.domain.port.ActivityLog;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * The guard's part of the server: the connector (HTTPS when configured, TLS 1.2 and 1.3 only), timeouts and the
 * slowest body accepted, the limits on concurrent requests and uploads, Jetty's errors as problem documents,
 * multipart files spooled to a private directory, and the recorder of metrics and activity. The REST wiring
 * calls {@link #configure} once for each server it creates, after its own settings.
 */
public final class Guard {

    /** Multipart files larger than this go to disk while the request is handled, not to the heap. */
    static final int SPOOL_THRESHOLD_BYTES = 64 * 1024;

    private final GuardSettings settings;
    private final ProblemWriter problems;
    private final ServiceMetrics metrics;
    private final RequestRecorder recorder;

    @Inject
    Guard(GuardSettings settings, ObjectMapper json, ServiceMetrics metrics, ActivityLog activities, Clock clock) {
        this.settings = settings;
        this.problems = new ProblemWriter(json);
        this.metrics = metrics;
        this.recorder = new RequestRecorder(metrics, activities, clock);
    }

    /** Applies the guard to a server's configuration (its host and port already set). */
    public void configure(JavalinConfig config) {
        // Jetty types live in JettySetup, loaded only here: building the server must not load Jetty
        JettySetup.apply(config, settings, problems, metrics);
        config.jetty.multipartConfig.maxInMemoryFileSize(SPOOL_THRESHOLD_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.cacheDirectory(spoolDirectory().toString());
        config.requestLogger.http(recorder::record);
    }

    /** A fresh directory only this user can read, for one server's spooled multipart files. */
    private static Path spoolDirectory() {
        try {
            Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("tlsready-multipart-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("tlsready-multipart-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for uploads in the temporary folder", e);
        }
    }
}
