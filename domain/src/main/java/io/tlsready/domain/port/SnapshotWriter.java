package io.tlsready.domain.port;

import io.tlsready.domain.facts.HostFacts;
import java.io.IOException;
import java.io.OutputStream;

/** Outgoing port: writes collected facts as a portable snapshot that {@link OfflineEvidence} reads back. */
public interface SnapshotWriter {

    void write(HostFacts facts, OutputStream out) throws IOException;
}
