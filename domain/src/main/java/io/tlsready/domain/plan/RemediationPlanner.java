package io.tlsready.domain.plan;

import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a host's FAIL findings (and, on request, its WARNs) into one plan: only what is missing is written
 * (rule R16), each value once, updates named with their links but never downloaded.
 */
public final class RemediationPlanner {

    private RemediationPlanner() {
    }

    public static Plan plan(HostReport report, boolean includeWarnings) {
        Map<ValueRef, RegistryChange> changes = new LinkedHashMap<>();
        Map<String, UpdateRequirement> updates = new LinkedHashMap<>();
        Set<String> steps = new LinkedHashSet<>();
        Set<RuleId> rules = new LinkedHashSet<>();
        for (Finding f : report.findings()) {
            boolean wanted = f.status() == Status.FAIL || (includeWarnings && f.status() == Status.WARN);
            if (!wanted || f.remediation().isEmpty()) {
                continue;
            }
            Remediation r = f.remediation().get();
            rules.add(f.rule());
            r.changes().forEach(c -> changes.putIfAbsent(c.ref(), c));
            r.updates().forEach(u -> updates.putIfAbsent(u.kb(), u));
            steps.addAll(r.manualSteps());
        }
        List<RegistryChange> ordered = new ArrayList<>(changes.values());
        ordered.sort(Comparator.comparing((RegistryChange c) -> c.ref().physicalKey().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(c -> c.ref().name().toLowerCase(java.util.Locale.ROOT)));
        if (!ordered.isEmpty()) {
            steps.add("Restart the host (SChannel and WinHTTP read these values at start-up); at least restart the "
                    + "MARS service: net stop obengine && net start obengine.");
        }
        List<RuleId> fixed = rules.stream().sorted().toList();
        return new Plan(report.host(), fixed, ordered, List.copyOf(updates.values()), List.copyOf(steps));
    }
}
