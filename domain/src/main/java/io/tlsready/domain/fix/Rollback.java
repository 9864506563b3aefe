package io.tlsready.domain.fix;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.fix.ValueChange.Outcome;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.port.JournalStore;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Undoing a fix from its journal: every value back to its prior state (or deleted when it did not exist), then every
 * key the fix created removed (children first, and only when empty), each checked by reading back. A value that is
 * neither what the fix wrote nor what was there before has been changed since: it is reported and left alone unless
 * {@code force}. Undoing twice is harmless: the second time every value is already as before.
 */
public final class Rollback {

    /**
     * @param values one line per journal entry, in journal order
     * @param keys   the created keys and what became of them
     * @param error  the first failure that stopped the undo, if any
     */
    public record Result(String host, String journal, List<ValueChange> values, List<KeyOutcome> keys,
            Optional<String> error) {
        public Result {
            values = List.copyOf(values);
            keys = List.copyOf(keys);
        }

        /** Everything is as before the fix. */
        public boolean complete() {
            return error.isEmpty()
                    && values.stream().allMatch(v -> v.outcome() == Outcome.RESTORED
                            || v.outcome() == Outcome.ALREADY_AS_BEFORE)
                    && keys.stream().allMatch(k -> k.outcome() != KeyOutcome.Kind.KEPT);
        }
    }

    /** What became of a key the fix created. */
    public record KeyOutcome(KeyRef key, Kind outcome, String why) {
        /** Removed, already gone, or kept (not empty, or its removal failed). */
        public enum Kind { REMOVED, ALREADY_GONE, KEPT }
    }

    private final JournalStore journals;

    public Rollback(JournalStore journals) {
        this.journals = journals;
    }

    /**
     * Undoes the journal on the host behind {@code editor}; the journal file is updated with each restored value.
     * Never throws for the host's failures: they are the result's error and the values' outcomes.
     */
    public Result undo(RegistryEditor editor, Journal journal, String location, boolean force) {
        List<ValueChange> values = new ArrayList<>();
        for (Journal.Entry e : journal.entries()) {
            values.add(new ValueChange(e.ref(), e.before(), e.after(), e.rule(), e.reason(), Outcome.FAILED,
                    "not reached"));
        }
        Optional<String> error = Optional.empty();
        Journal current = journal;
        // Last written first: the reverse of the fix's order.
        for (int i = journal.entries().size() - 1; i >= 0 && error.isEmpty(); i--) {
            Journal.Entry e = journal.entries().get(i);
            try {
                Optional<RegValue> now = editor.read(e.ref());
                if (now.equals(e.before())) {
                    values.set(i, values.get(i).with(Outcome.ALREADY_AS_BEFORE, e.state() == Journal.State.PLANNED
                            ? "never written" : ""));
                } else if (!force && !(now.isPresent() && now.get().equals(e.after()))) {
                    values.set(i, values.get(i).with(Outcome.CHANGED_SINCE, "now "
                            + now.map(v -> v.typeName() + " " + v.display()).orElse("absent")
                            + ", not what the fix wrote; force overwrites"));
                    continue;
                } else {
                    restore(editor, e);
                    Optional<RegValue> back = editor.read(e.ref());
                    if (!back.equals(e.before())) {
                        throw new RegistryEditException(editor.host(), e.ref().key(), RegistryEditException.Cause.OTHER,
                                "read back " + back.map(RegValue::display).orElse("nothing") + " after restoring "
                                        + e.ref().name());
                    }
                    values.set(i, values.get(i).with(Outcome.RESTORED, ""));
                }
                current = current.with(i, Journal.State.RESTORED);
                journals.save(current);
            } catch (RegistryEditException failure) {
                values.set(i, values.get(i).with(Outcome.FAILED, failure.getMessage()));
                error = Optional.of(failure.getMessage());
            }
        }
        List<KeyOutcome> keys = new ArrayList<>();
        List<KeyRef> created = new ArrayList<>(journal.createdKeys());
        java.util.Collections.reverse(created);
        for (KeyRef k : created) {
            if (error.isPresent()) {
                keys.add(new KeyOutcome(k, KeyOutcome.Kind.KEPT, "not reached"));
                continue;
            }
            try {
                if (!editor.keyExists(k)) {
                    keys.add(new KeyOutcome(k, KeyOutcome.Kind.ALREADY_GONE, ""));
                } else if (!editor.contents(k).isEmpty()) {
                    // Never delete what someone else put there, force or not.
                    keys.add(new KeyOutcome(k, KeyOutcome.Kind.KEPT, "holds keys or values the fix did not write"));
                } else {
                    editor.deleteKey(k);
                    keys.add(editor.keyExists(k) ? new KeyOutcome(k, KeyOutcome.Kind.KEPT, "still there after delete")
                            : new KeyOutcome(k, KeyOutcome.Kind.REMOVED, ""));
                }
            } catch (RegistryEditException failure) {
                keys.add(new KeyOutcome(k, KeyOutcome.Kind.KEPT, failure.getMessage()));
                error = Optional.of(failure.getMessage());
            }
        }
        return new Result(journal.where().host(), location, values, keys, error);
    }

    private static void restore(RegistryEditor editor, Journal.Entry e) {
        if (e.before().isEmpty()) {
            editor.deleteValue(e.ref());
        } else {
            editor.write(e.ref(), e.before().get());
        }
    }
}
