package io.tlsready.domain.report;

import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report contract ({@code tlsready.report/v1}, design.md) as a tree of maps and lists, built in
 * one place so the CLI and the REST API can never drift apart. The apps serialise it with their JSON library.
 * Field names here are fixed; adding fields is allowed, renaming is not. {@link HostReportReader} reads a host
 * object back into the very same {@link HostReport}.
 */
public final class ReportDocument {

    private ReportDocument() {
    }

    public static Map<String, Object> of(AuditReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", AuditReport.SCHEMA);
        root.put("tool", tool(report.toolVersion()));
        root.put("generatedAt", report.generatedAt());
        List<Object> hosts = new ArrayList<>();
        report.hosts().forEach(h -> hosts.add(host(h)));
        root.put("hosts", hosts);
        root.put("summary", summary(report));
        return root;
    }

    /** {@code {"name":"tlsready","version"}}, the tool object every tlsready JSON document carries. */
    public static Map<String, Object> tool(String version) {
        Map<String, Object> tool = new LinkedHashMap<>(); // not Map.of: its order changes from run to run
        tool.put("name", "tlsready");
        tool.put("version", version);
        return tool;
    }

    public static Map<String, Object> host(HostReport h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", h.host());
        m.put("source", h.source());
        m.put("os", os(h.os()));
        m.put("verdict", h.verdict().name());
        m.put("error", h.error().orElse(null));
        List<Object> findings = new ArrayList<>();
        h.findings().forEach(f -> findings.add(finding(f)));
        m.put("findings", findings);
        List<Object> provenance = new ArrayList<>();
        for (Provenance p : h.provenance()) {
            provenance.add(ordered("kind", p.kind(), "location", p.location(), "detail", p.detail()));
        }
        m.put("provenance", provenance);
        List<Object> warnings = new ArrayList<>();
        for (EvidenceWarning w : h.warnings()) {
            warnings.add(ordered("location", w.location(), "message", w.message()));
        }
        m.put("warnings", warnings);
        // added in issue 13: the address a remote audit contacted, as the JSON lines carry it (absent offline)
        h.target().ifPresent(t -> m.put("target", t));
        return m;
    }

    static Map<String, Object> os(OsIdentity os) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", os.name());
        m.put("release", os.release().map(Enum::name).orElse(null));
        m.put("version", os.version().map(Object::toString).orElse(null));
        m.put("build", os.version().map(v -> (Object) v.build()).orElse(null));
        m.put("ubr", os.ubr().orElse(null));
        m.put("servicePack", os.servicePack());
        m.put("productType", os.productType().map(Enum::name).orElse(null));
        m.put("architecture", os.architecture().map(Enum::name).orElse(null));
        m.put("edition", os.edition().orElse(null));
        m.put("installationType", os.installationType().orElse(null));
        m.put("basis", os.basis());
        m.put("notes", os.notes());
        return m;
    }

    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule().name());
        m.put("core", f.rule().core());
        m.put("status", f.status().name());
        m.put("title", f.title());
        m.put("detail", f.detail());
        List<Object> evidence = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("path", e.path());
            em.put("view", e.view());
            em.put("valueName", e.valueName());
            em.put("observed", e.observed());
            em.put("expected", e.expected());
            em.put("origin", e.origin());
            // added in issue 13: the evidence file and line (0: the file as a whole) the observation was read at
            e.at().ifPresent(at -> {
                em.put("file", at.file());
                em.put("line", at.line());
            });
            evidence.add(em);
        }
        m.put("evidence", evidence);
        m.put("remediation", f.remediation().map(ReportDocument::remediation).orElse(null));
        List<Object> refs = new ArrayList<>();
        for (Source s : f.reference()) {
            refs.add(ordered("id", s.name(), "title", s.title(), "url", s.url()));
        }
        m.put("reference", refs);
        return m;
    }

    static Map<String, Object> remediation(Remediation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", r.summary());
        List<Object> changes = new ArrayList<>();
        for (RegistryChange c : r.changes()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("path", c.ref().physicalKey());
            cm.put("view", Evidence.viewLabel(c.ref()));
            cm.put("valueName", c.ref().name());
            cm.put("type", "REG_DWORD");
            cm.put("before", c.before().orElse(null));
            cm.put("after", c.after());
            cm.put("reason", c.reason());
            // how "after" is computed, so that a stored report reads back as the very same change
            cm.put("operation", c.operation().name());
            cm.put("operand", c.operand());
            cm.put("clearBits", c.clearBits());
            cm.put("defaultWhenAbsent", c.defaultWhenAbsent());
            changes.add(cm);
        }
        m.put("changes", changes);
        List<Object> updates = new ArrayList<>();
        for (UpdateRequirement u : r.updates()) {
            updates.add(ordered("kb", u.kb(), "title", u.title(), "url", u.url(), "howToConfirm", u.howToConfirm()));
        }
        m.put("updates", updates);
        m.put("manualSteps", r.manualSteps());
        return m;
    }

    static Map<String, Object> summary(AuditReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        ExitPolicy.VerdictCounts v = ExitPolicy.VerdictCounts.of(report);
        m.put("hosts", report.hosts().size());
        m.put("ready", v.ready());
        m.put("notReady", v.notReady());
        m.put("unknown", v.unknown());
        m.put("unreachable", v.unreachable());
        Map<String, Object> statuses = new LinkedHashMap<>();
        StatusCounts.of(report).byStatus().forEach((k, n) -> statuses.put(k.name(), n));
        m.put("statuses", statuses);
        m.put("exitCode", ExitPolicy.of(v).code());
        return m;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
