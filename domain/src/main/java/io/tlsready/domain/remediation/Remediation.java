package io.tlsready.domain.remediation;

import java.util.List;
import java.util.Objects;

/** How to fix one finding: registry writes, updates to install, and steps only a person can do. */
public record Remediation(String summary, List<RegistryChange> changes, List<UpdateRequirement> updates,
        List<String> manualSteps) {

    public Remediation {
        Objects.requireNonNull(summary);
        changes = List.copyOf(changes);
        updates = List.copyOf(updates);
        manualSteps = List.copyOf(manualSteps);
    }

    public static Remediation registry(String summary, List<RegistryChange> changes) {
        return new Remediation(summary, changes, List.of(), List.of());
    }

    public static Remediation update(String summary, UpdateRequirement update) {
        return new Remediation(summary, List.of(), List.of(update), List.of());
    }

    public static Remediation manual(String summary, String... steps) {
        return new Remediation(summary, List.of(), List.of(), List.of(steps));
    }
}
