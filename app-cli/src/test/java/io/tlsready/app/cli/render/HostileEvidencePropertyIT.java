package io.tlsready.app.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.facts.EvidenceWarning;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.Provenance;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.output.XmlText;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.ReportDocument;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.rules.book.RuleBook;
import io.tlsready.domain.testing.Hosts;
import io.tlsready.formats.ReportRenderer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Property test: hostile host names, file names, key and value names and value data go through the real domain
 * ({@link AuditService} over facts) into every report format, and each file is parsed back by python3's own
 * parsers ({@link PythonPeer}): it must be well-formed and give back exactly what the renderer meant to write
 * (the raw string for JSON, JSONL, SARIF and CSV; the {@link Visible} form for text, HTML and JUnit, the latter
 * as {@link XmlText#carried}). Text must hold no steering character but its line breaks and its own colours.
 *
 * <p>Seeded ({@code -Dtlsready.fuzz.seed=N} replays a failure; every message names seed and round) and bounded:
 * at least {@value #MIN_ROUNDS} reports, then more until {@value #BUDGET_MILLIS} ms or {@value #MAX_ROUNDS}.
 */
class HostileEvidencePropertyIT {

    private static final long SEED = Long.getLong("tlsready.fuzz.seed", 0x7157_2026_1207L);
    private static final int MIN_ROUNDS = 6;
    private static final int MAX_ROUNDS = 40;
    private static final long BUDGET_MILLIS = 2_000;

    /** Pieces hostile strings are made of: terminal, bidi, XML, HTML, CSV and JSON trouble, and harmless text. */
    private static final String[] PIECES = {
        "\u001b[2J", "\u001b[H", "\u001b]0;owned\u0007", "\u001b[1A\r", "\u001b[32mREADY\u001b[0m", "\u009b2J",
        "\r", "\n", "\r\n", "\t", "\u0000", "\u0007", "\u007f", "\u0085",
        "\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200e", "\u2060", "\ufeff", "\u2028", "\u2029",
        "\ufffe", "\uffff", "\ud800", "\udfff", "\udbff", "\ud83d\ude00", "\udbff\udfff", "\udb40\udc41",
        "\"", "'", "<", ">", "&", "&amp;", "&#10;", "]]>", "<!--", "<script>alert(1)</script>",
        "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;", "\\", "/", "#", "?", "%", "%1B", "{", "}",
        ",", ";", "=", "+", "@", "-", "=HYPERLINK(\"http://x\",\"y\")", "|", " | ", "[HKEY_LOCAL_MACHINE\\x]",
        "READY", "NOT READY", "PASS", "MABS01", "é", "中文", "Ελληνικά", " ", "  ", "x",
    };
    private static final String[] FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"};
    private static final List<String> OSES = List.of("2008SP2", "2008R2", "2012", "2012R2", "2019", "2025");
    private static final Set<String> HTML_TAGS = Set.of("html", "head", "meta", "title", "style", "script", "body",
            "h1", "h2", "h3", "p", "small", "span", "div", "section", "article", "ul", "ol", "li", "details", "summary",
            "form", "label", "input", "select", "option", "output", "button", "table", "thead", "tbody", "tr", "th",
            "td", "b", "br", "wbr", "code", "a");
    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AuditService AUDIT = new AuditService(RuleBook.standard());

    @TempDir
    Path tmp;

    private record Rendered(int round, AuditReport report, Map<Format, String> ids) {
    }

    @Test
    void every_format_carries_hostile_evidence_as_data_and_parses_back_as_meant() throws Exception {
        Random random = new Random(SEED);
        PythonPeer python = new PythonPeer(tmp);
        List<Rendered> rendered = new ArrayList<>();
        long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
        for (int round = 0; round < MAX_ROUNDS && (round < MIN_ROUNDS || System.currentTimeMillis() < deadline);
                round++) {
            AuditReport report = hostileReport(random);
            Map<Format, String> ids = new EnumMap<>(Format.class);
            for (Format f : Format.values()) {
                if (f == Format.TEXT) {
                    checkText(round, report);
                    continue;
                }
                Path file = tmp.resolve("r" + round + "." + f.name().toLowerCase());
                byte[] bytes = render(f, report, new ReportRenderer.Options(false, true));
                Files.write(file, bytes);
                if (f == Format.JSON || f == Format.JSONL || f == Format.SARIF) {
                    // Faithful and still safe to cat: every steering character is a JSON escape.
                    String json = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(json.codePoints().filter(cp -> cp != '\n' && Visible.steers(cp)).boxed().toList())
                            .as("seed %d, round %d: raw steering characters in %s", SEED, round, f).isEmpty();
                }
                ids.put(f, python.add(f.name().toLowerCase(), file));
            }
            rendered.add(new Rendered(round, report, ids));
        }
        JsonNode parsed = python.parseAll();
        assertThat(PythonPeer.failures(parsed)).as("seed %d: files python3 could not parse", SEED).isEmpty();
        for (Rendered r : rendered) {
            String where = "seed " + SEED + ", round " + r.round();
            checkJson(where, r.report(), parsed.get(r.ids().get(Format.JSON)));
            checkJsonLines(where, r.report(), parsed.get(r.ids().get(Format.JSONL)));
            checkSarif(where, r.report(), parsed.get(r.ids().get(Format.SARIF)));
            checkCsv(where, r.report(), parsed.get(r.ids().get(Format.CSV)));
            checkJunit(where, r.report(), parsed.get(r.ids().get(Format.JUNIT)));
            checkHtml(where, r.report(), parsed.get(r.ids().get(Format.HTML)));
        }
        assertThat(rendered).hasSizeGreaterThanOrEqualTo(MIN_ROUNDS);
    }

    @Test
    void a_report_on_a_terminal_shows_csv_evidence_visible() throws Exception {
        HostReport h = AUDIT.evaluate(Hosts.ready("2019").named("srv\u001b[2J\u202e").build());
        AuditReport report = new AuditReport(List.of(h), "test", "2026-12-07T00:00:00Z");
        String file = new String(render(Format.CSV, report, new ReportRenderer.Options(false, false, false)),
                StandardCharsets.UTF_8);
        String terminal = new String(render(Format.CSV, report, new ReportRenderer.Options(false, false, true)),
                StandardCharsets.UTF_8);
        assertThat(file).contains("srv\u001b[2J\u202e,");
        assertThat(terminal).contains("srv\\x1b[2J\\u202e,").doesNotContain("\u001b", "\u202e");
    }

    // ---- the hostile reports --------------------------------------------------------------------------------

    private static String hostile(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(5) == 0) {
            sb.append(FORMULA_STARTS[r.nextInt(FORMULA_STARTS.length)]);
        }
        int n = 1 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(8) == 0) {
                sb.append((char) r.nextInt(0x10000)); // any UTF-16 unit, lone surrogates and unassigned included
            } else {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
        }
        if (r.nextInt(15) == 0) {
            sb.append("A".repeat(1000 + r.nextInt(8000))).append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static AuditReport hostileReport(Random r) {
        List<HostReport> hosts = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(5) == 0) {
                hosts.add(AuditService.failed(hostile(r), "WinRM " + hostile(r), "WS-Man fault: " + hostile(r)));
            } else {
                hosts.add(AUDIT.evaluate(hostileFacts(r)));
            }
        }
        return new AuditReport(hosts, "test", "2026-12-07T00:00:00Z");
    }

    /** A host whose every string that comes from evidence is hostile: names, data, file names, warnings. */
    private static HostFacts hostileFacts(Random r) {
        String os = OSES.get(r.nextInt(OSES.size()));
        Hosts h = (r.nextBoolean() ? Hosts.ready(os) : Hosts.windows(os).x64().coverAll()).named(hostile(r));
        if (r.nextBoolean()) {
            h.value(ValueRef.of(Hosts.TLS12_CLIENT, "Enabled"), RegValue.Str.of(hostile(r))); // non-DWORD: FAIL
        }
        if (r.nextBoolean()) {
            h.value(ValueRef.of(Hosts.CIPHER_POLICY, "Functions"),
                    new RegValue.MultiStr(List.of(hostile(r), "TLS_RSA_WITH_AES_128_CBC_SHA", hostile(r))));
        }
        if (r.nextBoolean()) {
            h.string(Hosts.MARS_SETUP, "CurrentVersion", hostile(r)).string(Hosts.MARS_SETUP, "InstallPath", hostile(r));
        }
        HostFacts plain = h.build();
        List<String> files = List.of(hostile(r) + ".reg", "C:\\evidence\\" + hostile(r) + ".reg", hostile(r));
        Map<ValueRef, Fact<RegValue>> values = new LinkedHashMap<>();
        plain.values().forEach((ref, fact) -> {
            String file = files.get(r.nextInt(files.size())) + ":" + (1 + r.nextInt(500));
            if (fact instanceof Fact.Present<RegValue> p) {
                values.put(ref, Fact.present(p.value(), file));
            } else if (fact instanceof Fact.Absent<RegValue>) {
                values.put(ref, Fact.absent(file + " has the key without this value"));
            } else {
                values.put(ref, fact);
            }
        });
        List<Provenance> provenance = files.stream().map(f -> new Provenance("reg-export", f, hostile(r))).toList();
        List<EvidenceWarning> warnings = List.of(
                new EvidenceWarning(files.get(0) + ":17", "skipped value \"" + hostile(r) + "\" under ["
                        + hostile(r) + "]: " + hostile(r)),
                new EvidenceWarning(hostile(r), hostile(r)));
        return new HostFacts(plain.host(), "offline evidence: " + String.join(", ", files), values,
                plain.systemInfo(), plain.updates(), provenance, warnings);
    }

    private static byte[] render(Format f, AuditReport report, ReportRenderer.Options options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.renderer().render(report, options, out);
        return out.toByteArray();
    }

    // ---- text: checked here, character by character ---------------------------------------------------------

    private static void checkText(int round, AuditReport report) throws Exception {
        String where = "seed " + SEED + ", round " + round;
        String plain = new String(render(Format.TEXT, report, new ReportRenderer.Options(false, true)),
                StandardCharsets.UTF_8);
        String coloured = new String(render(Format.TEXT, report, new ReportRenderer.Options(true, true)),
                StandardCharsets.UTF_8);
        assertThat(plain).as(where).doesNotContain("\u001b");
        assertThat(SGR.matcher(coloured).replaceAll("")).as(where).isEqualTo(plain);
        for (String text : List.of(plain, SGR.matcher(coloured).replaceAll(""))) {
            assertThat(text.codePoints().filter(cp -> cp != '\n' && Visible.steers(cp)).boxed().toList())
                    .as(where + ": steering characters in text output").isEmpty();
            assertThat(text.replace("\n", "")).as(where).isEqualTo(Visible.of(text.replace("\n", "")));
        }
        List<String> lines = plain.lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("Host     ")).toList()).as(where)
                .containsExactlyElementsOf(report.hosts().stream()
                        .map(h -> "Host     " + Visible.of(h.host()) + "   (" + Visible.of(h.source()) + ")").toList());
        assertThat(lines.stream().filter(l -> l.startsWith("Verdict  ")).count()).as(where)
                .isEqualTo(report.hosts().size());
        for (HostReport h : report.hosts()) {
            for (Finding f : h.findings()) {
                assertThat(plain).as(where).contains("\n           " + Visible.of(f.detail()) + "\n");
                for (Evidence e : f.evidence()) {
                    assertThat(plain).as(where).contains(Visible.of(e.observed()));
                    if (!e.origin().isEmpty()) {
                        assertThat(plain).as(where).contains("  <- " + Visible.of(e.origin()));
                    }
                }
            }
            for (EvidenceWarning w : h.warnings()) {
                assertThat(lines).as(where).contains("Warning  " + Visible.of(w.toString()));
            }
        }
    }

    // ---- JSON family: the raw strings come back ------------------------------------------------------------

    /** Numbers compare by value (the parser's int is the document's long); everything else exactly. */
    private static final Comparator<JsonNode> SAME = (a, b) -> a.equals(b) || (a.isNumber() && b.isNumber()
            && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

    private static void checkJson(String where, AuditReport report, JsonNode parsed) {
        JsonNode expected = MAPPER.valueToTree(ReportDocument.of(report));
        assertThat(parsed.equals(SAME, expected)).as(where + ": JSON as python3 reads it vs the report document")
                .isTrue();
        assertThat(parsed.path("hosts").get(0).path("host").textValue()).as(where)
                .isEqualTo(report.hosts().get(0).host());
    }

    private static void checkJsonLines(String where, AuditReport report, JsonNode parsed) {
        assertThat(parsed.size()).as(where + ": one line per host").isEqualTo(report.hosts().size());
        for (int i = 0; i < report.hosts().size(); i++) {
            JsonNode expected = MAPPER.valueToTree(ReportDocument.host(report.hosts().get(i)));
            assertThat(parsed.get(i).equals(SAME, expected)).as(where + ": JSON line " + i).isTrue();
        }
    }

    private static void checkSarif(String where, AuditReport report, JsonNode parsed) {
        List<String> messages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        for (HostReport h : report.hosts()) {
            h.error().ifPresent(e -> {
                messages.add(h.host() + ": " + e);
                names.add(h.host());
            });
            for (Finding f : h.findings()) {
                if (f.status() == Status.FAIL || f.status() == Status.WARN
                        || (f.status() == Status.UNKNOWN && f.rule().core())) {
                    messages.add(h.host() + ": " + f.detail());
                    names.add(h.host());
                    if (!h.provenance().isEmpty()) {
                        uris.add(unicodeOnly(h.provenance().get(0).location().replace('\\', '/')));
                    }
                }
            }
        }
        JsonNode results = parsed.path("doc").path("runs").get(0).path("results");
        List<String> gotMessages = new ArrayList<>();
        List<String> gotNames = new ArrayList<>();
        results.forEach(res -> {
            gotMessages.add(res.path("message").path("text").textValue());
            gotNames.add(res.path("locations").get(0).path("logicalLocations").get(0).path("name").textValue());
        });
        assertThat(gotMessages).as(where + ": SARIF messages").containsExactlyElementsOf(messages);
        assertThat(gotNames).as(where + ": SARIF logical locations").containsExactlyElementsOf(names);
        List<String> gotUris = new ArrayList<>();
        parsed.path("uris").forEach(u -> gotUris.add(u.textValue()));
        assertThat(gotUris).as(where + ": SARIF artifact URIs, percent-decoded").containsExactlyElementsOf(uris);
    }

    /** What a URI can carry of a Java string: a lone surrogate is no Unicode, so it becomes U+FFFD. */
    private static String unicodeOnly(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return sb.toString();
    }

    // ---- CSV: raw, guarded against formulas ----------------------------------------------------------------

    /** The cell a spreadsheet should show: a formula start behind an apostrophe; a lone surrogate made visible. */
    private static String csvCell(String s) {
        String guarded = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < guarded.length(); i++) {
            char c = guarded.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < guarded.length()
                    && Character.isLowSurrogate(guarded.charAt(i + 1))) {
                sb.append(c).append(guarded.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? Visible.of(String.valueOf(c)) : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    private static void checkCsv(String where, AuditReport report, JsonNode rows) {
        List<List<String>> expected = new ArrayList<>();
        for (HostReport h : report.hosts()) {
            if (h.error().isPresent()) {
                expected.add(List.of(h.host(), h.os().name(), h.error().get()));
            }
            for (Finding f : h.findings()) {
                expected.add(List.of(h.host(), h.os().name(), f.detail(), f.evidence().stream()
                        .map(HostileEvidencePropertyIT::csvEvidence).collect(Collectors.joining(" | "))));
            }
        }
        assertThat(rows.size()).as(where + ": CSV rows (header + one per finding)").isEqualTo(expected.size() + 1);
        List<String> header = new ArrayList<>();
        rows.get(0).forEach(cell -> header.add(cell.textValue()));
        assertThat(header).as(where + ": CSV header").isEqualTo(CSV_HEADER);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode row = rows.get(i + 1);
            List<String> want = expected.get(i);
            assertThat(row.size()).as(where + ": cells in row " + (i + 1)).isEqualTo(CSV_HEADER.size());
            assertThat(row.get(0).textValue()).as(where + ": host cell").isEqualTo(csvCell(want.get(0)));
            assertThat(row.get(1).textValue()).as(where + ": os cell").isEqualTo(csvCell(want.get(1)));
            if (want.size() == 3) {
                assertThat(row.get(7).textValue()).as(where + ": error cell").isEqualTo(csvCell(want.get(2)));
            } else {
                assertThat(row.get(7).textValue()).as(where + ": detail cell").isEqualTo(csvCell(want.get(2)));
                assertThat(row.get(8).textValue()).as(where + ": evidence cell").isEqualTo(csvCell(want.get(3)));
            }
        }
    }


    // ---- what the CSV and JUnit documents promise, written out here rather than taken from the renderers ----

    /** The CSV columns (design.md, Report formats). */
    private static final List<String> CSV_HEADER = List.of("host", "os", "verdict", "rule", "core", "status", "title",
            "detail", "evidence", "remediation", "reference", "target");

    /** One observation in the CSV evidence cell: key[\\value] [view] = observed (entries joined with " | "). */
    private static String csvEvidence(Evidence e) {
        String where = e.valueName().isEmpty() ? e.path() : e.path() + "\\" + e.valueName();
        return where + (e.view().isEmpty() ? "" : " [" + e.view() + "]") + " = " + e.observed();
    }

    /** A JUnit failure body: title, detail, each evidence and the fix on lines of their own, each made visible. */
    private static String junitBody(Finding f) {
        StringBuilder sb = new StringBuilder(Visible.of(f.title())).append('\n').append(Visible.of(f.detail()))
                .append('\n');
        for (Evidence e : f.evidence()) {
            sb.append(Visible.of(e.path() + (e.valueName().isEmpty() ? "" : "\\" + e.valueName())
                    + (e.view().isEmpty() ? "" : " [" + e.view() + "]") + ": " + e.observed())).append('\n');
        }
        f.remediation().ifPresent(r -> sb.append("fix: ").append(Visible.of(r.summary())).append('\n'));
        return sb.toString();
    }

    // ---- JUnit: visible, then carried by XML ---------------------------------------------------------------

    private static String shown(String s) {
        return XmlText.carried(Visible.of(s));
    }

    private static void checkJunit(String where, AuditReport report, JsonNode doc) throws Exception {
        assertThat(doc.path("root").textValue()).isEqualTo("testsuites");
        JsonNode suites = doc.path("suites");
        assertThat(suites.size()).as(where + ": one suite per host").isEqualTo(report.hosts().size());
        for (int i = 0; i < report.hosts().size(); i++) {
            HostReport h = report.hosts().get(i);
            JsonNode suite = suites.get(i);
            assertThat(suite.path("name").textValue()).as(where + ": suite name").isEqualTo(shown(h.host()));
            assertThat(suite.path("props").path("os").textValue()).as(where).isEqualTo(shown(h.os().name()));
            List<JsonNode> cases = new ArrayList<>();
            suite.path("cases").forEach(cases::add);
            int at = 0;
            if (h.error().isPresent()) {
                JsonNode c = cases.get(at++);
                assertThat(c.path("name").textValue()).isEqualTo("HOST_REACHABLE");
                assertThat(c.path("children").get(0).path("message").textValue()).as(where + ": host error")
                        .isEqualTo(shown(h.error().get()));
            }
            assertThat(cases).as(where + ": one case per finding").hasSize(at + h.findings().size());
            for (Finding f : h.findings()) {
                JsonNode c = cases.get(at++);
                assertThat(c.path("classname").textValue()).as(where).isEqualTo(shown(h.host()));
                assertThat(c.path("name").textValue()).isEqualTo(f.rule().name());
                JsonNode child = c.path("children").get(0);
                String body = XmlText.carried(junitBody(f));
                switch (child.path("tag").textValue()) {
                    case "failure", "error" -> {
                        assertThat(child.path("message").textValue()).as(where).isEqualTo(shown(f.detail()));
                        assertThat(child.path("text").textValue()).as(where + ": failure body").isEqualTo(body);
                        assertThat(child.path("text").textValue().split("\n", -1)).as(where + ": body lines")
                                .hasSize(3 + f.evidence().size() + (f.remediation().isPresent() ? 1 : 0));
                    }
                    case "skipped" -> assertThat(child.path("message").textValue()).as(where)
                            .isEqualTo(shown(f.status() + ": " + f.detail()));
                    default -> assertThat(child.path("text").textValue()).as(where + ": system-out")
                            .isEqualTo(XmlText.carried(f.status() + ": " + junitBody(f)));
                }
            }
        }
        assertNoSteering(where + ": JUnit", doc);
    }

    /** Every string in a parsed document, line breaks aside, free of characters that act rather than show. */
    private static void assertNoSteering(String where, JsonNode node) {
        if (node.isTextual()) {
            assertThat(node.textValue().codePoints().filter(cp -> cp != '\n' && Visible.steers(cp)).boxed().toList())
                    .as(where + ": steering characters in " + Visible.quoted(node.textValue())).isEmpty();
        }
        node.forEach(child -> assertNoSteering(where, child));
    }

    // ---- HTML: visible, escaped, no markup from evidence ---------------------------------------------------

    private static void checkHtml(String where, AuditReport report, JsonNode doc) {
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add(t.textValue()));
        assertThat(tags).as(where + ": only the renderer's own elements").allMatch(HTML_TAGS::contains);
        boolean single = report.hosts().size() == 1;
        assertThat(tags.stream().filter("script"::equals).count()).as(where + ": the fleet report's own script only")
                .isEqualTo(single ? 0 : 1);
        List<String> headings = new ArrayList<>();
        doc.path("h2").forEach(t -> headings.add(t.textValue()));
        String text = doc.path("text").textValue();
        if (single) {
            HostReport h = report.hosts().get(0);
            assertThat(tags.stream().filter("section"::equals).count()).as(where).isEqualTo(1);
            assertThat(headings).as(where + ": host heading").containsExactly(Visible.of(h.host()) + " " + h.verdict());
            List<String> cells = new ArrayList<>();
            doc.path("cells").forEach(t -> cells.add(t.textValue()));
            assertThat(cells.size()).as(where + ": six cells per finding").isEqualTo(6 * h.findings().size());
            List<String> findingCells = h.findings().stream().map(f -> Visible.of(f.title()) + Visible.of(f.detail()))
                    .toList();
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < h.findings().size(); i++) {
                shown.add(cells.get(6 * i + 2));
            }
            assertThat(shown).as(where + ": finding cells, FAIL first").containsExactlyInAnyOrderElementsOf(findingCells);
        } else {
            assertThat(headings).as(where).containsExactly("Summary", "Hosts", "Host details", "Findings explained");
            assertThat(tags.stream().filter("details"::equals).count()).as(where + ": one details per host")
                    .isEqualTo(report.hosts().size() + 1);
            report.hosts().forEach(h -> h.findings().forEach(f -> assertThat(text).as(where)
                    .contains(Visible.of(f.title()), Visible.of(f.detail()))));
        }
        for (HostReport h : report.hosts()) {
            assertThat(text).contains(Visible.of(h.host()));
            assertThat(text).contains(Visible.of(h.source()));
            h.error().ifPresent(e -> assertThat(text).contains(Visible.of(e)));
            h.warnings().forEach(w -> assertThat(text).contains(Visible.of(w.toString())));
            // A fleet's details show what each host observed for the findings to act on; passes are listed by rule.
            h.findings().stream().filter(f -> single || (f.status() != Status.PASS && f.status() != Status.NOT_APPLICABLE))
                    .forEach(f -> f.evidence().forEach(e -> assertThat(text).contains(Visible.of(e.observed()))));
        }
        assertNoSteering(where + ": HTML", doc.path("text"));
    }

    @Test
    void junit_with_xml_forbidden_characters_also_parses_with_the_jdk_dom() throws Exception {
        HostReport h = AUDIT.evaluate(Hosts.ready("2012R2").named("a\ufffe\uffff\ud800\u0001<&>\"'b").build());
        byte[] xml = render(Format.JUNIT, new AuditReport(List.of(h), "test", "2026-12-07T00:00:00Z"),
                new ReportRenderer.Options(false, false));
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document d = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(((org.w3c.dom.Element) d.getElementsByTagName("testsuite").item(0)).getAttribute("name"))
                .isEqualTo("a\\ufffe\\uffff\\ud800\\x01<&>\"'b");
    }
}
