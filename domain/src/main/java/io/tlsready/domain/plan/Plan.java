package io.tlsready.domain.plan;

import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import java.util.List;

/** Everything one host needs to become READY, deduplicated, in a stable order. */
public record Plan(String host, List<RegistryChange> changes, List<UpdateRequirement> updates, List<String> manualSteps) {

    public Plan {
        changes = List.copyOf(changes);
        updates = List.copyOf(updates);
        manualSteps = List.copyOf(manualSteps);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && updates.isEmpty() && manualSteps.isEmpty();
    }
}
