package io.tlsready.domain.fix;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.fix.ValueChange.Outcome;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.plan.Plan;
import io.tlsready.domain.plan.PlanPrediction;
import io.tlsready.domain.plan.RemediationPlanner;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.FactsSource;
import io.tlsready.domain.port.JournalStore;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.report.HostReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The fix use case for one host: audit, plan, and (with {@code apply}) record every target value's prior state in
 * a journal flushed to disk, write in a fixed order with a read-back after each write, undo at once from the journal
 * when a write or read-back fails (unless told not to), and audit again. Updates are never installed: they stay
 * manual steps in the result.
 */
public final class FixService {

    /**
     * @param apply           write (otherwise a dry run: read only, nothing written, no journal)
     * @param includeWarnings fix WARN findings as well as FAILs
     * @param autoRollback    undo this host's writes as soon as one fails
     */
    public record Options(boolean apply, boolean includeWarnings, boolean autoRollback) {
    }

    /** Who the journal's host is and which run it belongs to. */
    public record Run(String runId, String createdAt, String toolVersion) {
    }

    private final AuditService audit;
    private final JournalStore journals;

    public FixService(AuditService audit, JournalStore journals) {
        this.audit = audit;
        this.journals = journals;
    }

    /**
     * Fixes one host. Never throws for the host's own failures (unreachable, access denied, a dropped connection):
     * they are the result's {@code error}, with each value's outcome.
     *
     * @param facts   the host as an audit source (read before and after)
     * @param editors opens the host's registry for writing; not called in a dry run
     */
    public HostFix fix(FactsSource facts, Supplier<RegistryEditor> editors, Journal.Where where, Run run,
            Options options) {
        HostFacts found;
        HostReport before;
        try {
            found = facts.collect(audit.ruleBook().request());
            before = audit.evaluate(found);
        } catch (EvidenceException e) {
            return HostFix.unreachable(where.host(), options.apply(), e.getMessage());
        }
        if (before.error().isPresent()) {
            return HostFix.unreachable(before.host(), options.apply(), before.error().get());
        }
        Plan plan = RemediationPlanner.plan(before, options.includeWarnings());
        List<WriteOrder.Planned> writes = WriteOrder.of(plan);
        List<String> manual = manual(plan);
        if (!options.apply()) {
            List<ValueChange> diff = new ArrayList<>();
            for (WriteOrder.Planned w : writes) {
                Optional<RegValue> was = found.value(w.ref()).asOptional();
                diff.add(new ValueChange(w.ref(), was, w.target(was), w.rule(), w.change().reason(),
                        Outcome.WOULD_WRITE, ""));
            }
            HostReport predicted = PlanPrediction.predict(audit, found, plan);
            return new HostFix(before.host(), false, diff, Optional.empty(), before.verdict(), Optional.of(predicted),
                    plan.restart(), manual, Optional.empty());
        }
        if (writes.isEmpty()) {
            return new HostFix(before.host(), true, List.of(), Optional.empty(), before.verdict(),
                    Optional.of(before), List.of(), manual, Optional.empty());
        }
        try (RegistryEditor editor = editors.get()) {
            return apply(facts, editor, where, run, options, before, plan, writes);
        } catch (RegistryEditException e) {
            return new HostFix(before.host(), true, List.of(), Optional.empty(), before.verdict(), Optional.empty(),
                    List.of(), manual, Optional.of(e.getMessage()));
        }
    }

    private HostFix apply(FactsSource facts, RegistryEditor editor, Journal.Where where, Run run, Options options,
            HostReport before, Plan plan, List<WriteOrder.Planned> writes) {
        // 1. What is there now, value by value and key by key, before anything is written.
        List<ValueChange> changes = new ArrayList<>();
        List<Journal.Entry> entries = new ArrayList<>();
        Set<KeyRef> missing = new LinkedHashSet<>();
        Set<KeyRef> existing = new java.util.HashSet<>();
        for (WriteOrder.Planned w : writes) {
            Optional<RegValue> now = editor.read(w.ref());
            RegValue target = w.target(now);
            if (now.isPresent() && now.get().equals(target)) {
                changes.add(new ValueChange(w.ref(), now, target, w.rule(), w.change().reason(), Outcome.ALREADY_SET,
                        ""));
                continue;
            }
            if (now.isEmpty()) {
                findMissingKeys(editor, new KeyRef(w.ref().key(), w.ref().view()), existing, missing);
            }
            entries.add(new Journal.Entry(w.ref(), now, target, w.rule(), w.change().reason(),
                    Journal.State.PLANNED));
            changes.add(new ValueChange(w.ref(), now, target, w.rule(), w.change().reason(), Outcome.NOT_WRITTEN,
                    "the run stopped before this value"));
        }
        if (entries.isEmpty()) {
            return new HostFix(before.host(), true, changes, Optional.empty(), before.verdict(), Optional.of(before),
                    List.of(), manual(plan), Optional.empty());
        }
        // 2. The journal is on disk before the first write.
        List<KeyRef> toCreate = new ArrayList<>(missing);
        toCreate.sort(java.util.Comparator.comparingInt((KeyRef k) -> k.key().length()));
        Journal journal = new Journal(run.runId(), run.createdAt(), run.toolVersion(), where, toCreate, entries);
        Set<KeyRef> created = new java.util.HashSet<>();
        String location = journals.save(journal);
        // 3. Writes in order, each read back.
        Optional<String> error = Optional.empty();
        for (int i = 0; i < entries.size(); i++) {
            Journal.Entry e = entries.get(i);
            int shown = indexOf(changes, e);
            try {
                for (KeyRef k : WriteOrder.keyAndParents(new KeyRef(e.ref().key(), e.ref().view()))) {
                    if (journal.createdKeys().contains(k) && created.add(k)) {
                        editor.createKey(k);
                    }
                }
                editor.write(e.ref(), e.after());
                Optional<RegValue> back = editor.read(e.ref());
                if (back.isEmpty() || !back.get().equals(e.after())) {
                    throw new RegistryEditException(editor.host(), e.ref().key(), RegistryEditException.Cause.OTHER,
                            "read back " + back.map(RegValue::display).orElse("nothing") + " after writing "
                                    + e.after().display() + " to " + e.ref().name());
                }
                journal = journal.with(i, Journal.State.WRITTEN);
                journals.save(journal);
                changes.set(shown, changes.get(shown).with(Outcome.WRITTEN, ""));
            } catch (RegistryEditException failure) {
                journal = journal.with(i, Journal.State.FAILED);
                journals.save(journal);
                changes.set(shown, changes.get(shown).with(Outcome.FAILED, failure.getMessage()));
                error = Optional.of(failure.getMessage());
                break;
            }
        }
        if (error.isPresent()) {
            if (options.autoRollback()) {
                Rollback.Result undone = new Rollback(journals).undo(editor, journal, location, false);
                mergeUndo(changes, undone);
            } else {
                for (int i = 0; i < changes.size(); i++) {
                    if (changes.get(i).outcome() == Outcome.WRITTEN) {
                        changes.set(i, changes.get(i).with(Outcome.LEFT_WRITTEN,
                                "automatic undo is off: tlsready rollback " + location + " restores it"));
                    }
                }
            }
            return new HostFix(before.host(), true, changes, Optional.of(location), before.verdict(),
                    reaudit(facts), plan.restart(), manual(plan), error);
        }
        Optional<HostReport> after = reaudit(facts);
        return new HostFix(before.host(), true, changes, Optional.of(location), before.verdict(), after,
                plan.restart(), manual(plan), after.isPresent() ? Optional.empty()
                        : Optional.of("written and read back, but the host could not be audited again"));
    }

    /**
     * Adds to {@code missing} the keys on the way to {@code key} that do not exist, asking the host only what it
     * does not already know: deepest first, and a key that exists vouches for all its parents.
     */
    private static void findMissingKeys(RegistryEditor editor, KeyRef key, Set<KeyRef> existing,
            Set<KeyRef> missing) {
        List<KeyRef> chain = WriteOrder.keyAndParents(key);
        for (int i = chain.size() - 1; i >= 0; i--) {
            KeyRef k = chain.get(i);
            if (existing.contains(k)) {
                return;
            }
            if (missing.contains(k)) {
                continue;
            }
            if (editor.keyExists(k)) {
                existing.addAll(chain.subList(0, i + 1));
                return;
            }
            missing.add(k);
        }
    }

    /** Updates to install (never downloaded here), then the plan's steps for a person. */
    private static List<String> manual(Plan plan) {
        List<String> steps = new ArrayList<>();
        plan.updates().forEach(u -> steps.add("install " + u.kb() + " (" + u.title() + "): " + u.url()));
        steps.addAll(plan.manualSteps());
        return steps;
    }

    private Optional<HostReport> reaudit(FactsSource facts) {
        try {
            HostReport after = audit.audit(facts);
            return after.error().isPresent() ? Optional.empty() : Optional.of(after);
        } catch (EvidenceException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(List<ValueChange> changes, Journal.Entry e) {
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).ref().equals(e.ref())) {
                return i;
            }
        }
        throw new IllegalStateException("journal entry without its change: " + e.ref());
    }

    /** The automatic undo's outcome per value replaces WRITTEN/FAILED; values never written stay NOT_WRITTEN. */
    private static void mergeUndo(List<ValueChange> changes, Rollback.Result undone) {
        for (ValueChange u : undone.values()) {
            for (int i = 0; i < changes.size(); i++) {
                ValueChange c = changes.get(i);
                if (!c.ref().equals(u.ref()) || c.outcome() == Outcome.NOT_WRITTEN
                        || c.outcome() == Outcome.ALREADY_SET) {
                    continue;
                }
                if (c.outcome() == Outcome.FAILED) {
                    // The failed value keeps its failure; the undo says where it stands now.
                    changes.set(i, c.with(Outcome.FAILED, c.why() + "; undo: " + u.outcome().words()
                            + (u.why().isEmpty() ? "" : " (" + u.why() + ")")));
                    continue;
                }
                String why = u.why();
                Outcome shown = switch (u.outcome()) {
                    case RESTORED, ALREADY_AS_BEFORE -> Outcome.RESTORED;
                    case FAILED, CHANGED_SINCE -> Outcome.LEFT_WRITTEN;
                    default -> c.outcome();
                };
                changes.set(i, c.with(shown, why));
            }
        }
    }
}
