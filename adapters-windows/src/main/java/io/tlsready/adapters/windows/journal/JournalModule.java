package io.tlsready.adapters.windows.journal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.tlsready.domain.port.JournalStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Binds the {@link JournalStore} port to {@code tlsready.journal/v1} files in one directory (the CLI's
 * {@code --backup-dir}, {@code ./tlsready-journals} by default), created when the first journal is saved.
 */
public final class JournalModule extends AbstractModule {

    private final Path directory;

    public JournalModule(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Provides
    @Singleton
    JournalStore journalStore() {
        return new FileJournalStore(directory);
    }
}
