package io.tlsready.app.cli.fleet;

import io.tlsready.domain.fleet.FleetAudit;
import io.tlsready.domain.port.RemoteTarget;
import io.tlsready.domain.report.HostReport;
import io.tlsready.formats.JsonLines;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Streams each finished host as one JSON line, appended and flushed at once: a run killed at any moment leaves
 * every finished host on disk and at most one truncated line, which {@link ResumeLog} drops. Each line goes
 * out in one write, so lines never interleave. (Flushed to the OS, not fsynced: a process crash loses nothing;
 * a power cut may lose the last lines, which a resume redoes.)
 */
public final class JsonlSink implements FleetAudit.Listener, Closeable {

    private final OutputStream out;
    private final boolean closeable;

    private JsonlSink(OutputStream out, boolean closeable) {
        this.out = out;
        this.closeable = closeable;
    }

    /**
     * A FileOutputStream, not a channel stream: cancelling a run interrupts the workers, and an interrupt closes an
     * interruptible channel under a write in progress; a plain file stream finishes the line.
     */
    public static JsonlSink append(Path file) throws IOException {
        return new JsonlSink(new FileOutputStream(file.toFile(), true), true);
    }

    /** To stdout: the caller keeps the stream open. */
    public static JsonlSink to(OutputStream stream) {
        return new JsonlSink(stream, false);
    }

    @Override
    public void finished(RemoteTarget target, HostReport report, FleetAudit.Progress progress) {
        try {
            out.write(JsonLines.line(report, target.label()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closeable) {
            out.close();
        } else {
            out.flush();
        }
    }
}
