package io.tlsready.adapters.windows.journal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.tlsready.domain.port.JournalStores;

/**
 * Binds the {@link JournalStores} port to {@code tlsready.journal/v1} files (docs/journal-format.md): {@code
 * in(folder)} is the store for one folder (the CLI's {@code --backup-dir}, {@code ./tlsready-journals} by default),
 * which it creates when the first journal is saved.
 */
public final class JournalModule extends AbstractModule {

    @Provides
    @Singleton
    JournalStores journalStores() {
        return new FileJournalStores();
    }
}
