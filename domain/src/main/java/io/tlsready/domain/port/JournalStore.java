package io.tlsready.domain.port;

import io.tlsready.domain.journal.Journal;

/**
 * Outgoing port: where journals ({@code tlsready.journal/v1}) are kept. A journal is on disk, flushed, before the
 * first write to its host: a run that is killed at any point leaves a journal that can undo what it did.
 */
public interface JournalStore {

    /**
     * Writes the journal and flushes it to disk (replacing an earlier version of the same journal atomically).
     *
     * @return where it is, as the report names it (a file path)
     */
    String save(Journal journal);

    /** @throws EvidenceException when the file is missing, not a journal, or damaged (one line naming it) */
    Journal load(String location);
}
