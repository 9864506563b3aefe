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
        Map<ValueRef, RuleId> changeRules = new LinkedHashMap<>();
        Map<String, UpdateRequirement> updates = new LinkedHashMap<>();
        Set<String> steps = new LinkedHashSet<>();
        Set<RuleId> rules = new LinkedHashSet<>();
        List<Plan.ManualAction> manual = new ArrayList<>();
        for (Finding f : report.findings()) {
            boolean wanted = f.status() == Status.FAIL || (includeWarnings && f.status() == Status.WARN);
            if (!wanted || f.remediation().isEmpty()) {
                continue;
            }
            Remediation r = f.remediation().get();
            rules.add(f.rule());
            for (RegistryChange c : r.changes()) {
                if (changes.putIfAbsent(c.ref(), c) == null) {
                    changeRules.put(c.ref(), f.rule());
                }
            }
            String reference = f.reference().isEmpty() ? "" : f.reference().get(0).url();
            for (UpdateRequirement u : r.updates()) {
                if (updates.putIfAbsent(u.kb(), u) == null) {
                    manual.add(new Plan.ManualAction(f.rule(), "Install " + u.kb() + " (" + u.title() + "). "
                            + u.howToConfirm(), u.url()));
                }
            }
            for (String step : r.manualSteps()) {
                if (steps.add(step)) {
                    manual.add(new Plan.ManualAction(f.rule(), step, reference));
                }
            }
        }
        List<RegistryChange> ordered = new ArrayList<>(changes.values());
        ordered.sort(Comparator.comparing((RegistryChange c) -> c.ref().physicalKey().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(c -> c.ref().name().toLowerCase(java.util.Locale.ROOT)));
        List<String> restart = new ArrayList<>();
        if (ordered.stream().anyMatch(c -> !c.ref().key().regionMatches(true, 0, NETFX, 0, NETFX.length()))) {
            restart.add(Plan.RESTART_HOST);
        }
        if (!ordered.isEmpty()) {
            restart.add(Plan.RESTART_MARS);
            steps.add("Restart the host (SChannel and WinHTTP read these values at start-up); at least restart the "
                    + "MARS service: net stop obengine && net start obengine.");
        }
        List<RuleId> fixed = rules.stream().sorted().toList();
        return new Plan(report.host(), fixed, ordered, List.copyOf(updates.values()), List.copyOf(steps), changeRules,
                manual, restart);
    }

    private static final String NETFX = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\";
}
