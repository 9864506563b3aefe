package io.tlsready.domain.plan;

import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.rules.RuleId;
import java.util.List;

/**
 * Everything one host needs to become READY, deduplicated, in a stable order.
 *
 * @param rules the rules whose findings the plan fixes, in rule-book order (named in the file's header)
 */
public record Plan(String host, List<RuleId> rules, List<RegistryChange> changes, List<UpdateRequirement> updates,
        List<String> manualSteps) {

    public Plan {
        rules = List.copyOf(rules);
        changes = List.copyOf(changes);
        updates = List.copyOf(updates);
        manualSteps = List.copyOf(manualSteps);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && updates.isEmpty() && manualSteps.isEmpty();
    }
}
