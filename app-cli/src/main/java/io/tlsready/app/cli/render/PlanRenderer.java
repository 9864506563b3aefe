package io.tlsready.app.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.plan.Plan;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.formats.Fields;
import io.tlsready.formats.JsonEscapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as JSON ({@code tlsready.plan/v1}) for programs, or as text for people: the registry changes, the manual
 * steps, what must restart, and the verdict predicted for the host once the changes are written. The .reg and
 * .ps1 files stay the things to run; these two only describe.
 */
public final class PlanRenderer {

    public static final String SCHEMA = "tlsready.plan/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonEscapes.factory()).enable(SerializationFeature.INDENT_OUTPUT);

    /** One host's plan with what it was made from and the audit predicted after it. */
    public record HostPlan(HostFacts facts, HostReport report, Plan plan, HostReport predicted) {
    }

    private PlanRenderer() {
    }

    public static String json(List<HostPlan> hosts) {
        List<Object> out = new ArrayList<>();
        for (HostPlan h : hosts) {
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("host", h.plan().host());
            host.put("verdict", h.report().verdict().name());
            List<Object> changes = new ArrayList<>();
            for (RegistryChange c : h.plan().changes()) {
                Fact<RegValue> old = h.facts().value(c.ref());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", c.ref().physicalKey());
                m.put("view", Evidence.viewLabel(c.ref()));
                m.put("name", c.ref().name());
                m.put("type", "REG_DWORD");
                m.put("old", old.asOptional().orElse(null) instanceof RegValue.Dword d ? d.value() : null);
                m.put("oldState", old.state());
                old.asOptional().ifPresent(v -> m.put("oldType", v.typeName()));
                m.put("new", c.after());
                m.put("rule", h.plan().ruleOf(c).map(Enum::name).orElse(null));
                m.put("reason", c.reason());
                changes.add(m);
            }
            host.put("changes", changes);
            List<Object> manual = new ArrayList<>();
            for (Plan.ManualAction a : h.plan().manual()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", a.rule().name());
                m.put("action", a.action());
                m.put("reference", a.reference());
                manual.add(m);
            }
            host.put("manual", manual);
            host.put("restart", h.plan().restart());
            Map<String, Object> predicted = new LinkedHashMap<>();
            predicted.put("verdict", h.predicted().verdict().name());
            List<Object> findings = new ArrayList<>();
            for (Finding f : h.predicted().findings()) {
                findings.add(Fields.of("rule", f.rule().name(), "status", f.status().name()));
            }
            predicted.put("findings", findings);
            host.put("predicted", predicted);
            out.add(host);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("hosts", out);
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan JSON", e);
        }
    }

    /** For a person: every text that came from the host goes through {@link Visible}. */
    public static String text(HostPlan h) {
        StringBuilder sb = new StringBuilder();
        Plan plan = h.plan();
        sb.append("Plan for ").append(Visible.of(plan.host())).append(" (verdict now ")
                .append(h.report().verdict()).append(")\n");
        sb.append("\nRegistry changes (").append(plan.changes().size()).append("):\n");
        if (plan.changes().isEmpty()) {
            sb.append("  none\n");
        }
        String lastKey = null;
        for (RegistryChange c : plan.changes()) {
            Fact<RegValue> old = h.facts().value(c.ref());
            String was = old.asOptional().map(v -> v.typeName() + " " + v.display()).orElse(old.state());
            String view = Evidence.viewLabel(c.ref());
            if (!c.ref().physicalKey().equals(lastKey)) {
                lastKey = c.ref().physicalKey();
                sb.append("  ").append(Visible.of(lastKey)).append(view.isEmpty() ? "" : " (" + view + ")").append('\n');
            }
            sb.append("    ").append(Visible.of(c.ref().name())).append(": ").append(Visible.of(was))
                    .append(" -> REG_DWORD ").append(new RegValue.Dword(c.after()).display())
                    .append(plan.ruleOf(c).map(r -> "  [" + r + "]").orElse("")).append('\n');
            sb.append("    ").append(Visible.of(c.reason())).append('\n');
        }
        sb.append("\nManual steps (").append(plan.manual().size()).append("):\n");
        if (plan.manual().isEmpty()) {
            sb.append("  none\n");
        }
        for (Plan.ManualAction a : plan.manual()) {
            sb.append("  [").append(a.rule()).append("] ").append(Visible.of(a.action()))
                    .append(a.reference().isEmpty() ? "" : " <" + a.reference() + ">").append('\n');
        }
        sb.append("\nRestart: ").append(plan.restart().isEmpty() ? "nothing" : String.join(", ", plan.restart()))
                .append('\n');
        sb.append("\nPredicted verdict once the registry changes are written (updates and manual steps not done): ").append(h.predicted().verdict())
                .append('\n');
        for (Finding f : h.predicted().findings()) {
            sb.append(String.format("  %-33s %s%n", f.rule(), f.status()));
        }
        sb.append("\nTo apply: tlsready plan ... --format reg --output fix.reg (reg import), or --format ps1 "
                + "(backs up the keys first).\n");
        return sb.toString();
    }
}
