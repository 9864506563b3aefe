package io.tlsready.adapters.windows.snapshot;

import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.port.SnapshotWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** {@link SnapshotWriter} port in the {@code tlsready.snapshot/v1} format, stamped with the time of writing. */
final class JsonSnapshotWriter implements SnapshotWriter {

    private final Clock clock;

    JsonSnapshotWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void write(HostFacts facts, OutputStream out) throws IOException {
        // whole seconds: the snapshot is evidence for people, and sub-second noise only hurts diffs
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JsonSnapshot.write(facts, Optional.of(now), out);
    }
}
