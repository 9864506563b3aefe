package io.tlsready.domain.journal;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.RuleId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code fix} run on one host is about to change and what was there before ({@code tlsready.journal/v1},
 * docs/journal-format.md). Written and flushed before the first write, and again after every write, so that a run
 * killed at any point leaves a journal {@code rollback} can undo exactly.
 *
 * @param runId       the fix run (one id for all hosts of a run)
 * @param createdAt   when the journal was first written (ISO-8601, UTC)
 * @param where       how to reach the host again (never a secret)
 * @param createdKeys keys that did not exist and the fix creates, parents before children
 * @param entries     the values in the order they are written
 */
public record Journal(String runId, String createdAt, String toolVersion, Where where, List<KeyRef> createdKeys,
        List<Entry> entries) {

    public static final String SCHEMA = "tlsready.journal/v1";

    public Journal {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(where, "where");
        createdKeys = List.copyOf(createdKeys);
        entries = List.copyOf(entries);
    }

    /**
     * The host a journal belongs to: this machine ({@code local}) or a remote host with the port, transport and
     * authentication the fix used. Credentials are never kept; {@code rollback} asks for them as {@code audit} does.
     */
    public record Where(String host, boolean local, int port, String transport, String auth) {
        public Where {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(auth, "auth");
        }

        public static Where thisMachine(String host) {
            return new Where(host, true, 0, "", "");
        }
    }

    /** Where a value stands in the run. */
    public enum State {
        /** Recorded, not yet written. */
        PLANNED,
        /** Written and read back equal. */
        WRITTEN,
        /** The write or its read-back failed; what the host holds is unknown until read again. */
        FAILED,
        /** Put back as it was before the fix (by the automatic undo or by rollback). */
        RESTORED
    }

    /**
     * One target value.
     *
     * @param before the value before the fix, empty when it did not exist
     * @param after  what the fix writes
     */
    public record Entry(ValueRef ref, Optional<RegValue> before, RegValue after, RuleId rule, String reason,
            State state) {
        public Entry {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(state, "state");
        }

        public Entry in(State next) {
            return new Entry(ref, before, after, rule, reason, next);
        }
    }

    /** The same journal with entry {@code index} in state {@code next}. */
    public Journal with(int index, State next) {
        List<Entry> updated = new java.util.ArrayList<>(entries);
        updated.set(index, entries.get(index).in(next));
        return new Journal(runId, createdAt, toolVersion, where, createdKeys, updated);
    }
}
