package io.tlsready.domain.port;

import java.nio.file.Path;

/** Outgoing port: a journal store per folder ({@code fix --backup-dir}); loading reads any journal file. */
public interface JournalStores {

    /** The store that keeps new journals in {@code folder} (created when missing). */
    JournalStore in(Path folder);
}
