package io.tlsready.app.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.domain.facts.Architecture;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.ProductType;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.facts.WindowsVersion;
import io.tlsready.domain.os.OsIdentity;
import io.tlsready.domain.os.WindowsRelease;
import io.tlsready.domain.remediation.RegistryChange;
import io.tlsready.domain.remediation.Remediation;
import io.tlsready.domain.remediation.UpdateRequirement;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Source;
import io.tlsready.domain.rules.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a host back from its JSON form ({@code ReportDocument.host}), so that a resumed run's final report
 * contains the hosts done before the interruption. Rendering the result gives the same document again
 * (a registry change comes back as the DWORD it writes, which is all a report shows of it).
 */
final class HostReportJson {

    private static final Pattern WOW = Pattern.compile("(?i)^(HKLM\\\\SOFTWARE)\\\\WOW6432Node(?=\\\\|$)");

    private HostReportJson() {
    }

    /** @throws IllegalArgumentException when the object is not a host of a tlsready report */
    static HostReport read(JsonNode n) {
        require(n, "host");
        require(n, "verdict");
        List<Finding> findings = list(n.path("findings"), HostReportJson::finding);
        List<Provenance> provenance = list(n.path("provenance"),
                p -> new Provenance(text(p, "kind"), text(p, "location"), text(p, "detail")));
        List<EvidenceWarning> warnings = list(n.path("warnings"),
                w -> new EvidenceWarning(text(w, "location"), text(w, "message")));
        return new HostReport(text(n, "host"), text(n, "source"), os(n.path("os")),
                Verdict.valueOf(text(n, "verdict")), findings, provenance, warnings, optional(n, "error"));
    }

    private static OsIdentity os(JsonNode o) {
        Optional<WindowsVersion> version = optional(o, "version").flatMap(WindowsVersion::find);
        return new OsIdentity(optional(o, "release").map(WindowsRelease::valueOf), version,
                o.hasNonNull("ubr") ? Optional.of(o.get("ubr").asInt()) : Optional.empty(),
                o.path("servicePack").asInt(0), optional(o, "productType").map(ProductType::valueOf),
                optional(o, "architecture").map(Architecture::valueOf), optional(o, "edition"),
                optional(o, "installationType"), text(o, "name"), strings(o.path("basis")), strings(o.path("notes")));
    }

    private static Finding finding(JsonNode f) {
        List<Evidence> evidence = list(f.path("evidence"), e -> new Evidence(text(e, "path"), text(e, "view"),
                text(e, "valueName"), text(e, "observed"), text(e, "expected"), text(e, "origin")));
        Optional<Remediation> remediation = f.hasNonNull("remediation")
                ? Optional.of(remediation(f.get("remediation"))) : Optional.empty();
        List<Source> refs = list(f.path("reference"), r -> Source.valueOf(text(r, "id")));
        return new Finding(RuleId.valueOf(text(f, "rule")), Status.valueOf(text(f, "status")), text(f, "title"),
                text(f, "detail"), evidence, remediation, refs);
    }

    private static Remediation remediation(JsonNode r) {
        List<RegistryChange> changes = list(r.path("changes"), c -> {
            String path = text(c, "path");
            boolean wow = "32-bit".equals(text(c, "view"));
            ValueRef ref = wow ? ValueRef.wow32(WOW.matcher(path).replaceFirst("$1"), text(c, "valueName"))
                    : ValueRef.of(path, text(c, "valueName"));
            Optional<Long> before = c.hasNonNull("before") ? Optional.of(c.get("before").asLong()) : Optional.empty();
            return RegistryChange.set(ref, c.path("after").asLong(), before, text(c, "reason"));
        });
        List<UpdateRequirement> updates = list(r.path("updates"), u -> new UpdateRequirement(text(u, "kb"),
                text(u, "title"), text(u, "url"), text(u, "howToConfirm")));
        return new Remediation(text(r, "summary"), changes, updates, strings(r.path("manualSteps")));
    }

    private static void require(JsonNode n, String field) {
        if (!n.hasNonNull(field)) {
            throw new IllegalArgumentException("no \"" + field + "\" field");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static Optional<String> optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static List<String> strings(JsonNode array) {
        return list(array, JsonNode::asText);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        array.forEach(e -> out.add(item.apply(e)));
        return out;
    }
}
