package io.tlsready.domain.plan;

import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.report.HostReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a host would look like after its plan's registry changes, and how it would then audit. Pure: the facts
 * are rewritten exactly as {@code reg import} of the plan's .reg file would rewrite the registry (each change
 * writes the REG_DWORD {@link RegistryChange#after()}), and nothing else changes; updates and manual steps are
 * not applied, so their findings stay as they were.
 */
public final class PlanPrediction {

    /** Where a predicted value "came from", shown as its origin in the predicted report's evidence. */
    public static final String ORIGIN = "plan (predicted)";

    private PlanPrediction() {
    }

    /** The facts with every registry change of {@code plan} written. */
    public static HostFacts apply(HostFacts facts, Plan plan) {
        Map<ValueRef, Fact<RegValue>> values = new LinkedHashMap<>(facts.values());
        for (RegistryChange c : plan.changes()) {
            values.put(c.ref(), Fact.present(new RegValue.Dword(c.after()), ORIGIN));
        }
        return facts.withValues(values);
    }

    /** The audit of the facts with the plan applied. */
    public static HostReport predict(AuditService audit, HostFacts facts, Plan plan) {
        return audit.evaluate(apply(facts, plan));
    }
}
