package io.tlsready.domain.testing;

import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.JournalStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Journals kept in memory, every saved version in order, with a hook that runs at each save (to look at the host). */
public final class InMemoryJournals implements JournalStore {

    private final Map<String, List<Journal>> versions = new LinkedHashMap<>();
    private Consumer<Journal> onSave = j -> { };

    public InMemoryJournals onSave(Consumer<Journal> hook) {
        this.onSave = hook;
        return this;
    }

    @Override
    public synchronized String save(Journal journal) {
        String location = "memory:" + journal.where().host() + "-" + journal.runId();
        onSave.accept(journal);
        versions.computeIfAbsent(location, k -> new ArrayList<>()).add(journal);
        return location;
    }

    @Override
    public synchronized Journal load(String location) {
        List<Journal> saved = versions.get(location);
        if (saved == null) {
            throw new EvidenceException(location, "no such journal");
        }
        return saved.get(saved.size() - 1);
    }

    /** Every version saved under {@code location}, oldest first. */
    public synchronized List<Journal> versions(String location) {
        return List.copyOf(versions.getOrDefault(location, List.of()));
    }

    public synchronized int count() {
        return versions.size();
    }
}
