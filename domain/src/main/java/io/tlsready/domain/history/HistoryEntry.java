package io.tlsready.domain.history;

import java.util.List;
import java.util.Objects;

/**
 * One report in a host's history and what changed since the report before it (empty for the first one, and
 * when nothing changed).
 */
public record HistoryEntry(StoredReport report, List<RuleChange> changesSincePrevious) {

    public HistoryEntry {
        Objects.requireNonNull(report, "report");
        changesSincePrevious = List.copyOf(changesSincePrevious);
    }

    /**
     * A host's history, newest first, with the drift of each report against the next older one.
     *
     * @param newestFirst one host's reports, newest first
     */
    public static List<HistoryEntry> of(List<StoredReport> newestFirst) {
        List<HistoryEntry> entries = new java.util.ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            StoredReport r = newestFirst.get(i);
            List<RuleChange> changes = i + 1 < newestFirst.size()
                    ? Drift.between(newestFirst.get(i + 1).report(), r.report())
                    : List.of();
            entries.add(new HistoryEntry(r, changes));
        }
        return List.copyOf(entries);
    }
}
