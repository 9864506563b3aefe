package io.tlsready.adapters.windows.journal;

import io.tlsready.domain.port.JournalStore;
import io.tlsready.domain.port.JournalStores;
import java.nio.file.Path;

/** {@link JournalStores} port: a {@link FileJournalStore} per folder. */
final class FileJournalStores implements JournalStores {

    @Override
    public JournalStore in(Path folder) {
        return new FileJournalStore(folder);
    }
}
