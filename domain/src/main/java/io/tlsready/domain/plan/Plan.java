package io.tlsready.domain.plan;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.rules.RuleId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one host needs to become READY, deduplicated, in a stable order.
 *
 * @param rules       the rules whose findings the plan fixes, in rule-book order (named in the file's header)
 * @param manualSteps every step a person takes, as one-line text (the .reg and .ps1 files carry these as comments)
 * @param changeRules the rule each registry change closes
 * @param manual      updates to install and steps to take, each with the rule it closes and its reference
 * @param restart     what must restart before the changes take effect: {@link #RESTART_HOST}, {@link #RESTART_MARS}
 */
public record Plan(String host, List<RuleId> rules, List<RegistryChange> changes, List<UpdateRequirement> updates, List<String> manualSteps,
        Map<ValueRef, RuleId> changeRules, List<ManualAction> manual, List<String> restart) {

    /** SChannel and WinHTTP read their settings at start-up ([S3], [S6]). */
    public static final String RESTART_HOST = "host";
    /** .NET reads its settings when a process starts; the MARS agent runs as the obengine service ([S8]). */
    public static final String RESTART_MARS = "service obengine";

    /** A step no registry change can do, with the rule it closes and where it is explained. */
    public record ManualAction(RuleId rule, String action, String reference) {
        public ManualAction {
            Objects.requireNonNull(rule);
            Objects.requireNonNull(action);
            Objects.requireNonNull(reference);
        }
    }

    public Plan {
        Objects.requireNonNull(host);
        rules = List.copyOf(rules);
        changes = List.copyOf(changes);
        updates = List.copyOf(updates);
        manualSteps = List.copyOf(manualSteps);
        changeRules = Map.copyOf(changeRules);
        manual = List.copyOf(manual);
        restart = List.copyOf(restart);
    }

    public Plan(String host, List<RuleId> rules, List<RegistryChange> changes, List<UpdateRequirement> updates,
            List<String> manualSteps) {
        this(host, rules, changes, updates, manualSteps, Map.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return changes.isEmpty() && updates.isEmpty() && manualSteps.isEmpty();
    }

    /** The rule a registry change closes, when the planner recorded it. */
    public Optional<RuleId> ruleOf(RegistryChange change) {
        return Optional.ofNullable(changeRules.get(change.ref()));
    }
}
