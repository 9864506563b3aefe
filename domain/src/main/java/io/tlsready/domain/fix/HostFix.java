package io.tlsready.domain.fix;

import io.tlsready.domain.plan.RemediationPlanner;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code fix} did (or, in a dry run, would do) on one host.
 *
 * @param applied  whether writes were allowed ({@code --apply})
 * @param changes  every target value, in write order
 * @param journal  where the journal is, when one was written (nothing to write: none)
 * @param before   the host's verdict before the fix
 * @param after    the re-audit after the writes; in a dry run the predicted report; empty when the host failed
 *                 before it could be audited again
 * @param restart  what must restart for the change to take effect (tlsready restarts nothing)
 * @param manual   updates and steps no registry write can do, one line each
 * @param error    why the host could not be (fully) fixed, one line
 */
public record HostFix(String host, boolean applied, List<ValueChange> changes, Optional<String> journal,
        Verdict before, Optional<HostReport> after, List<String> restart, List<String> manual,
        Optional<String> error) {

    public HostFix {
        Objects.requireNonNull(host, "host");
        changes = List.copyOf(changes);
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        restart = List.copyOf(restart);
        manual = List.copyOf(manual);
        Objects.requireNonNull(error, "error");
    }

    /** A host that could not be audited or reached: nothing was written. */
    public static HostFix unreachable(String host, boolean applied, String error) {
        return new HostFix(host, applied, List.of(), Optional.empty(), Verdict.UNKNOWN, Optional.empty(), List.of(),
                List.of(), Optional.of(error));
    }

    /** Whether anything on the host was changed by this run (and is still changed). */
    public boolean changedTheHost() {
        return changes.stream().anyMatch(c -> c.outcome() == ValueChange.Outcome.WRITTEN
                || c.outcome() == ValueChange.Outcome.LEFT_WRITTEN);
    }

    /**
     * The host verified READY, or what is left needs a person (an update, a manual step): the re-audit found no
     * FAIL a registry write could close. A canary must end like this for the fleet to go on.
     */
    public boolean verifiedReadyOrManual() {
        return error.isEmpty() && after.isPresent() && after.get().error().isEmpty()
                && (after.get().verdict() == Verdict.READY
                        || RemediationPlanner.plan(after.get(), false).changes().isEmpty());
    }

    /** The fix held: no error and every value written or already set. */
    public boolean succeeded() {
        return error.isEmpty() && changes.stream().allMatch(c -> c.outcome() == ValueChange.Outcome.WRITTEN
                || c.outcome() == ValueChange.Outcome.ALREADY_SET || c.outcome() == ValueChange.Outcome.WOULD_WRITE);
    }
}
