/**
 * The {@code tlsready.journal/v1} JSON codec (docs/journal-format.md) and the {@code JournalStores} port bound by
 * {@code JournalModule}: one file per host and fix run, replaced atomically and flushed to disk on every save, read
 * back strictly because a journal drives registry writes on {@code rollback}. Uses Jackson's tree model only.
 */
package io.tlsready.adapters.windows.journal;
