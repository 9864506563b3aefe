package io.tlsready.formats;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.output.StringOutput;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.output.HtmlText;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.StatusCounts;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Evidence;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.Hosts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The {@code -f html} report's structure, read back with jsoup: what an admin and the browser tests rely on. */
class HtmlReportTest {

    private static final List<Status> FAIL_FIRST = List.of(Status.FAIL, Status.WARN, Status.UNKNOWN, Status.INFO,
            Status.PASS, Status.NOT_APPLICABLE);

    static byte[] render(AuditReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormat.HTML.renderer().render(report, new ReportRenderer.Options(false, false), out);
        return out.toByteArray();
    }

    static Document parse(AuditReport report) throws IOException {
        return Jsoup.parse(new String(render(report), StandardCharsets.UTF_8));
    }

    @Test
    void a_fleet_report_has_one_table_row_per_host_before_any_details() throws IOException {
        AuditReport fleet = Fleets.mixed("srv", 100);
        Document doc = parse(fleet);
        List<Element> rows = doc.select("table#hosts tbody tr[data-host]");
        assertThat(rows).extracting(r -> r.attr("data-host"))
                .containsExactlyElementsOf(fleet.hosts().stream().map(HostReport::host).toList());
        List<Element> all = doc.getAllElements();
        int lastRow = all.indexOf(rows.get(rows.size() - 1));
        int firstDetails = all.indexOf(doc.selectFirst("details.host"));
        assertThat(lastRow).isLessThan(firstDetails);
        assertThat(doc.select("details.host")).hasSize(100).allMatch(d -> !d.hasAttr("open"));
        for (Element row : rows) {
            String target = row.selectFirst("td a").attr("href").substring(1);
            Element details = doc.getElementById(target);
            assertThat(details == null ? null : details.tagName()).as(target).isEqualTo("details");
        }
    }

    @Test
    void each_host_row_says_its_verdict_failing_rules_and_cause() throws IOException {
        AuditReport fleet = Fleets.mixed("srv", 100);
        Document doc = parse(fleet);
        for (HostReport h : fleet.hosts()) {
            Element row = doc.selectFirst("table#hosts tr[data-host=" + h.host() + "]");
            assertThat(row.attr("data-verdict")).isEqualTo(h.verdict().name());
            assertThat(row.selectFirst("td.verdict .badge").classNames()).contains("v-" + h.verdict().name());
            List<String> failing = h.findings().stream().filter(f -> f.status() == Status.FAIL)
                    .map(f -> f.rule().name()).toList();
            assertThat(row.selectFirst("td.failing").text()).isEqualTo(String.join(" ", failing));
            assertThat(row.hasAttr("data-cause")).isEqualTo(h.error().isPresent());
        }
        assertThat(doc.select("table#hosts tr[data-cause]")).extracting(r -> r.attr("data-cause"))
                .contains("REFUSED", "DNS", "TIMEOUT", "AUTH", "TLS", "PROTOCOL");
    }

    @Test
    void the_summary_numbers_are_the_reports_counts() throws IOException {
        AuditReport fleet = Fleets.mixed("srv", 100);
        Document doc = parse(fleet);
        Map<Verdict, Integer> verdicts = fleet.verdictCounts();
        for (Verdict v : Verdict.values()) {
            assertThat(doc.selectFirst("#verdict-counts [data-verdict=" + v + "]").text()).as(v.name())
                    .isEqualTo(String.valueOf(verdicts.get(v)));
        }
        assertThat(doc.getElementById("host-count").text()).isEqualTo("100");
        List<Element> fixFirst = doc.select("#fix-first li[data-rule]");
        assertThat(fixFirst).isNotEmpty();
        long previous = Long.MAX_VALUE;
        for (Element li : fixFirst) {
            RuleId rule = RuleId.valueOf(li.attr("data-rule"));
            long hosts = fleet.hosts().stream().filter(h -> h.findings().stream()
                    .anyMatch(f -> f.rule() == rule && f.status() == Status.FAIL)).count();
            assertThat(Long.parseLong(li.selectFirst(".num").text())).as(rule.name()).isEqualTo(hosts)
                    .isLessThanOrEqualTo(previous);
            previous = hosts;
        }
        long failingRules = fleet.hosts().stream().flatMap(h -> h.findings().stream())
                .filter(f -> f.status() == Status.FAIL).map(Finding::rule).distinct().count();
        assertThat(fixFirst).hasSize((int) failingRules);
        long unaudited = fleet.hosts().stream().filter(h -> h.error().isPresent()).count();
        assertThat(doc.getElementById("unreachable").text()).isEqualTo(String.valueOf(unaudited));
        assertThat(doc.select("#causes li[data-cause] .num").stream().mapToLong(e -> Long.parseLong(e.text())).sum())
                .isEqualTo(unaudited);
        for (Element row : doc.select("table#rules tbody tr")) {
            RuleId rule = RuleId.valueOf(row.attr("data-rule"));
            StatusCounts counts = StatusCounts.of(fleet.hosts().stream().flatMap(h -> h.findings().stream())
                    .filter(f -> f.rule() == rule).toList());
            for (Status s : Status.values()) {
                assertThat(row.selectFirst("td[data-status=" + s + "]").text()).as(rule + " " + s)
                        .isEqualTo(String.valueOf(counts.count(s)));
            }
            assertThat(row.selectFirst("td[data-status=]").text()).isEqualTo(String.valueOf(unaudited));
        }
    }

    @Test
    void one_host_lists_its_findings_fail_first_with_evidence_fix_and_sources() throws IOException {
        HostReport host = Fleets.AUDIT.evaluate(Hosts.windows("2008R2").x64().coverAll().named("mabs01").build());
        Document doc = parse(new AuditReport(List.of(host), "t", "2026-12-07T10:00:00Z"));
        assertThat(doc.select("table#hosts, details")).isEmpty();
        assertThat(doc.selectFirst("section.host h2").text()).isEqualTo("mabs01 NOT_READY");
        List<Element> rows = doc.select("table.findings tbody tr[data-rule][data-status]");
        assertThat(rows).hasSize(host.findings().size());
        List<Integer> ranks = rows.stream().map(r -> FAIL_FIRST.indexOf(Status.valueOf(r.attr("data-status"))))
                .toList();
        assertThat(ranks).isSorted().first().isEqualTo(0);
        Element client = doc.selectFirst("tr[data-rule=SCHANNEL_TLS12_CLIENT]");
        assertThat(client.attr("data-status")).isEqualTo("FAIL");
        assertThat(client.selectFirst("td.evidence").text()).contains("Enabled", "ABSENT", "expected");
        assertThat(client.selectFirst("td.fix").text()).contains("dword:00000001");
        assertThat(client.select("td.sources a[href^=https://]")).isNotEmpty();
        assertThat(client.selectFirst("code.rule").text()).isEqualTo("SCHANNEL_TLS12_CLIENT");
        for (Element path : doc.select("code.path")) {
            String html = path.html();
            assertThat(html.replace("\\<wbr>", "")).as("a break only after a backslash").doesNotContain("<wbr>");
            assertThat(path.text().chars().filter(c -> c == '\\').count())
                    .isEqualTo(path.select("wbr").size());
            path.select("span").forEach(span -> assertThat(span.text()).contains(" ").doesNotContain("\\"));
        }
        for (Status s : Status.values()) {
            long n = host.findings().stream().filter(f -> f.status() == s).count();
            Element count = doc.selectFirst("#status-counts [data-status=" + s + "]");
            assertThat(count == null ? 0 : Long.parseLong(count.text())).as(s.name()).isEqualTo(n);
        }
    }

    @Test
    void the_dashboards_findings_part_is_the_reports_table_escaped_into_any_output() {
        String hostile = "<script>alert(1)</script>\u202e\"'&";
        HostReport host = Fleets.AUDIT.evaluate(Hosts.windows("2008R2").x64().coverAll().named(hostile)
                .string(Hosts.TLS12_CLIENT, "Enabled", hostile).build());
        StringOutput out = new StringOutput();
        HtmlParts.findings(host).writeTo(out);
        Document doc = Jsoup.parseBodyFragment(out.toString());
        assertThat(doc.select("script")).isEmpty();
        assertThat(out.toString()).doesNotContain("\u202e").contains(Visible.of("\u202e"));
        List<Element> rows = doc.select("table.findings tbody tr[data-rule][data-status]");
        assertThat(rows).hasSize(host.findings().size());
        assertThat(doc.selectFirst("tr[data-rule=SCHANNEL_TLS12_CLIENT] td.evidence").text())
                .contains(Visible.of(hostile));
        assertThat(HtmlParts.stylesheet()).contains(".v-NOT_READY", ".s-FAIL", "code.rule", "code.path", "table.data");
    }

    @Test
    void hostile_names_values_and_errors_stay_text_in_content_and_attributes() throws IOException {
        String hostile = "x</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;\u202e\u2066\u0007";
        List<HostReport> hosts = new ArrayList<>();
        hosts.add(Fleets.AUDIT.evaluate(Hosts.windows("2008R2").x64().coverAll().named(hostile)
                .string(Hosts.TLS12_CLIENT, "Enabled", hostile).build()));
        hosts.add(AuditService.failed(hostile + "2", "winrm", "connection refused: " + hostile));
        hosts.add(Fleets.AUDIT.evaluate(Hosts.ready("2019").named("plain").build()));
        String html = new String(render(new AuditReport(hosts, "t", "2026-12-07T10:00:00Z")), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).as("only the report's own script").hasSize(1);
        assertThat(doc.select("script").first().data()).doesNotContain("alert");
        assertThat(doc.select("img, [onerror]")).isEmpty();
        assertThat(html).doesNotContain("\u202e", "\u2066", "\u0007");
        assertThat(doc.select("table#hosts tr[data-host]")).extracting(r -> r.attr("data-host"))
                .containsExactly(Visible.of(hostile), Visible.of(hostile + "2"), "plain");
        assertThat(doc.select("details.host summary").first().text()).startsWith(Visible.of(hostile));
        assertThat(doc.getElementById("details").text()).contains("connection refused: " + Visible.of(hostile));
        Element line = doc.selectFirst("details#host-1 table.lines");
        assertThat(line.text()).contains(Visible.of(hostile));
    }

    @Test
    void a_finding_kind_is_written_once_however_many_hosts_have_it() throws IOException {
        AuditReport fleet = Fleets.renamed(50);
        String html = new String(render(fleet), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        HostReport one = fleet.hosts().get(0);
        assertThat(doc.select("article.kind")).hasSize(one.findings().size())
                .allSatisfy(k -> assertThat(k.selectFirst("h3 .num").text()).isEqualTo("50"));
        for (Finding f : one.findings()) {
            assertThat(count(html, HtmlText.escape(f.title()))).as(f.rule().name()).isEqualTo(1);
            for (Evidence e : f.evidence().stream().filter(x -> x.path().contains("\\")).toList()) {
                assertThat(doc.select("details.host").first().text()).doesNotContain(e.path());
            }
        }
        for (Element details : doc.select("details.host")) {
            for (Element a : details.select("table.lines a")) {
                Element kind = doc.getElementById(a.attr("href").substring(1));
                assertThat(kind == null ? null : kind.attr("data-rule")).isEqualTo(a.text());
            }
        }
    }

    @Test
    void the_file_grows_with_what_differs_not_with_hosts_times_rules() throws IOException {
        int hundred = render(Fleets.renamed(100)).length;
        int thousand = render(Fleets.renamed(1000)).length;
        // Per host: its table row (name twice, verdict, OS, 4 failing rule ids: ~360 B) and its details (name,
        // source, 8 findings to act on with the 15 values the host was seen with: ~1.7 KB). Every text the 14
        // findings share (titles, details, registry paths, fixes, sources: ~12 KB a host before) is written once.
        assertThat((thousand - hundred) / 900.0).as("bytes per added host").isLessThan(PER_HOST_BUDGET);
    }

    /** What one more NOT_READY host with 14 findings (8 to act on, 15 observed values) may add to the file. */
    static final int PER_HOST_BUDGET = 2_200;

    @Test
    void the_file_is_self_contained_and_starts_as_before() throws IOException {
        String html = new String(render(Fleets.mixed("srv", 30)), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("[src], link, object, embed, iframe, base")).isEmpty();
        assertThat(doc.select("style").html()).doesNotContain("url(", "@import");
        assertThat(doc.select("a[href]")).allSatisfy(a -> assertThat(a.attr("href")).matches("#.+|https://.+"));
    }

    @Test
    void an_empty_run_renders_an_empty_table() throws IOException {
        Document doc = parse(new AuditReport(List.of(), "t", "now"));
        assertThat(doc.select("table#hosts tbody tr")).isEmpty();
        assertThat(doc.getElementById("host-count").text()).isEqualTo("0");
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

}
