package io.tlsready.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tlsready.domain.facts.SourceLine;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for code-scanning dashboards: FAIL is an error, WARN a warning, core UNKNOWN a note; the
 * host is the logical location. The physical locations are the evidence files that hold the finding's evidence,
 * one location per file and line, in evidence order ({@link Evidence#at}): the line of the value in a {@code .reg}
 * file (of its key when the value is absent) as {@code region.startLine}; a hive, a snapshot or an update list as
 * a whole file, without a region. A finding whose evidence names no file (the OS identity, remote hosts) points at
 * the host's first evidence file, as before, so that dashboards which need a file still show it. A host that could not be audited
 * at all (unreachable, credentials refused) is a warning of the pseudo-rule {@value #NOT_AUDITED}: it has no
 * findings, and a dashboard must still show that someone needs to look at it.
 */
final class SarifRenderer implements ReportRenderer {

    static final String NOT_AUDITED = "HOST_NOT_AUDITED";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonEscapes.factory())
            .enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void render(AuditReport report, Options options, OutputStream out) throws IOException {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "tlsready");
        driver.put("version", report.toolVersion());
        driver.put("informationUri", "https://learn.microsoft.com/azure/backup/transport-layer-security");
        Map<RuleId, Finding> titles = new LinkedHashMap<>();
        report.hosts().forEach(h -> h.findings().forEach(f -> titles.putIfAbsent(f.rule(), f)));
        List<Object> rules = new ArrayList<>();
        for (Map.Entry<RuleId, Finding> e : titles.entrySet()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", e.getKey().name());
            r.put("shortDescription", Fields.of("text", e.getValue().title()));
            if (!e.getValue().reference().isEmpty()) {
                r.put("helpUri", e.getValue().reference().get(0).url());
            }
            r.put("properties", Fields.of("core", e.getKey().core()));
            rules.add(r);
        }
        if (report.hosts().stream().anyMatch(h -> h.error().isPresent())) {
            rules.add(Fields.of("id", NOT_AUDITED, "shortDescription",
                    Fields.of("text", "The host could not be audited (unreachable, refused, timed out)"),
                    "properties", Fields.of("core", true)));
        }
        driver.put("rules", rules);
        List<Object> results = new ArrayList<>();
        for (HostReport h : report.hosts()) {
            if (h.error().isPresent()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("ruleId", NOT_AUDITED);
                r.put("level", "warning");
                r.put("message", Fields.of("text", h.host() + ": " + h.error().get()));
                r.put("locations", List.of(Fields.of("logicalLocations",
                        List.of(Fields.of("name", h.host(), "kind", "module")))));
                r.put("properties", Fields.of("status", "UNKNOWN", "verdict", h.verdict().name()));
                results.add(r);
            }
            for (Finding f : h.findings()) {
                String level = level(f);
                if (level == null) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("ruleId", f.rule().name());
                r.put("level", level);
                r.put("message", Fields.of("text", h.host() + ": " + f.detail()));
                r.put("locations", locations(h, f));
                r.put("properties", Fields.of("status", f.status().name(), "verdict", h.verdict().name()));
                results.add(r);
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Fields.of("driver", driver));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        MAPPER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    /** One location per distinct evidence file and line; the host's first evidence file when none has one. */
    static List<Object> locations(HostReport h, Finding f) {
        Set<SourceLine> seen = new LinkedHashSet<>();
        f.evidence().forEach(e -> e.at().ifPresent(seen::add));
        List<Object> locations = new ArrayList<>();
        for (SourceLine at : seen) {
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Fields.of("uri", uri(at.file())));
            if (at.hasLine()) {
                physical.put("region", Fields.of("startLine", at.line()));
            }
            locations.add(Fields.of("physicalLocation", physical, "logicalLocations",
                    List.of(Fields.of("name", h.host(), "kind", "module"))));
        }
        if (locations.isEmpty()) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("logicalLocations", List.of(Fields.of("name", h.host(), "kind", "module")));
            if (!h.provenance().isEmpty()) {
                location.put("physicalLocation", Fields.of("artifactLocation",
                        Fields.of("uri", uri(h.provenance().get(0).location()))));
            }
            locations.add(location);
        }
        return locations;
    }

    /**
     * An evidence file's path as the URI reference SARIF requires ({@code artifactLocation.uri}): backslashes
     * become slashes, and every UTF-8 byte except RFC 3986's unreserved characters, '/' and ':' is percent-encoded,
     * so a file named with spaces, controls or '#' still gives a valid URI that decodes to its name. A lone
     * surrogate (not Unicode, so not UTF-8) becomes U+FFFD.
     */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        String slashed = path.replace('\\', '/');
        for (int i = 0; i < slashed.length(); ) {
            int cp = slashed.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
                cp = 0xFFFD;
            }
            if (cp < 0x80 && (Character.isLetterOrDigit(cp) || "-._~/:".indexOf(cp) >= 0)) {
                sb.append((char) cp);
                continue;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return sb.toString();
    }

    private static String level(Finding f) {
        if (f.status() == Status.FAIL) {
            return "error";
        }
        if (f.status() == Status.WARN) {
            return "warning";
        }
        return Verdict.unknownDecides(f) ? "note" : null;
    }
}
