package io.tlsready.adapters.windows.snapshot;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.tlsready.domain.port.SnapshotWriter;
import java.time.Clock;

/** Binds the {@link SnapshotWriter} port to the JSON snapshot format (docs/snapshot-format.md). */
public final class SnapshotModule extends AbstractModule {

    @Provides
    @Singleton
    SnapshotWriter snapshotWriter() {
        return new JsonSnapshotWriter(Clock.systemUTC());
    }
}
