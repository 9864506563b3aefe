package io.tlsready.domain.fix;

import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.rules.RuleId;
import java.util.Objects;
import java.util.Optional;

/**
 * One target value in a fix or rollback report: where it is, what it was, what it is meant to be, and what happened.
 *
 * @param before what the value was (for a fix: on the host just before the write; for a dry run: in the evidence)
 * @param after  what the fix writes (for a rollback: what the fix had written)
 * @param why    what the admin needs to know about the outcome, empty when the outcome says it all
 */
public record ValueChange(ValueRef ref, Optional<RegValue> before, RegValue after, RuleId rule, String reason,
        Outcome outcome, String why) {

    /** What happened to the value. */
    public enum Outcome {
        /** Dry run: would be written. */
        WOULD_WRITE("would write"),
        /** Already holds the value the fix writes: nothing written. */
        ALREADY_SET("already set"),
        /** Written and read back equal. */
        WRITTEN("written"),
        /** Put back as it was before the fix. */
        RESTORED("restored"),
        /** Left as it was: the run stopped before this value (an earlier write failed). */
        NOT_WRITTEN("not written"),
        /** Written, then the run failed and the automatic undo was off or could not reach it: left as written. */
        LEFT_WRITTEN("left as written"),
        /** The write, read-back or restore failed; {@code why} says how. */
        FAILED("failed"),
        /** Rollback: the value is already as before the fix. */
        ALREADY_AS_BEFORE("already as before"),
        /** Rollback: changed since the fix wrote it; left alone (force overwrites). */
        CHANGED_SINCE("changed since the fix");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        /** How reports name it. */
        public String words() {
            return words;
        }
    }

    public ValueChange {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(why, "why");
    }

    public ValueChange with(Outcome next, String because) {
        return new ValueChange(ref, before, after, rule, reason, next, because);
    }
}
