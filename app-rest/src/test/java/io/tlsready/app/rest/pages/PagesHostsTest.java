package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.app.rest.Multipart;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.app.rest.TestingStorage;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.history.StoredReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.rules.Finding;
import io.tlsready.domain.rules.Status;
import io.tlsready.domain.testing.InMemoryStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hosts table over 10,000 stored hosts (paged, filtered, sorted by the store), a host's page (findings FAIL
 * first, the history with what changed) and hostile host names staying text. Hosts are seeded through the store's
 * ReportHistory port from reports of real example evidence uploaded through the page.
 */
class PagesHostsTest {

    private static final InMemoryStore STORE = new InMemoryStore();
    private static final int FLEET = 10_000;
    private static final String HOSTILE = "<script>alert(1)</script>\"'&\u202Eevil";
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static TlsReadyServer server;
    private static URI base;
    private static PageClient operator;
    private static HostReport ready;
    private static HostReport notReady;

    @BeforeAll
    static void start() throws IOException {
        server = TlsReadyServer.builder().port(0).storage(new TestingStorage(STORE)).build();
        base = server.start();
        operator = PageClient.signedIn(base, TestingStorage.issue(STORE, "hosts-operator", Role.OPERATOR));
        notReady = upload("2008r2-not-ready").report();
        ready = upload("2008r2-ready").report();
        List<HostReport> seed = new ArrayList<>();
        for (int i = 0; i < FLEET; i++) {
            seed.add(renamed(i % 3 == 0 ? ready : notReady, String.format(Locale.ROOT, "fleet-%05d", i)));
        }
        seed.forEach(r -> STORE.save(r, T0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static StoredReport upload(String set) throws IOException {
        Multipart m = new Multipart().field("csrf", operator.csrf());
        for (Path f : RestFixtures.exampleFiles(set)) {
            m.file("evidence", f.getFileName().toString(), Files.readAllBytes(f));
        }
        HttpResponse<String> r = operator.postMultipart("/upload", m);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String host = PageClient.location(r).orElseThrow().substring("/hosts/".length());
        return STORE.history(host, 1).get(0);
    }

    static HostReport renamed(HostReport r, String name) {
        return new HostReport(name, r.source(), r.os(), r.verdict(), r.findings(), r.provenance(), r.warnings(),
                r.error());
    }

    private static List<String> hostsOf(Document d) {
        return d.select("table#hosts tbody tr[data-host]").eachAttr("data-host");
    }

    @Test
    void the_hosts_table_shows_fifty_of_ten_thousand_hosts_with_the_total_and_a_pager() {
        Document first = operator.page("/hosts?name=fleet-");
        assertThat(first.select("#total").text()).isEqualTo(Integer.toString(FLEET));
        assertThat(hostsOf(first)).hasSize(50).startsWith("fleet-00000", "fleet-00001");
        assertThat(first.select("a#prev")).isEmpty();
        String next = first.select("a#next").attr("href");
        assertThat(next).isEqualTo("/hosts?name=fleet-&page=2");
        Document second = operator.page(next);
        assertThat(hostsOf(second)).hasSize(50).startsWith("fleet-00050").doesNotContainAnyElementsOf(hostsOf(first));
        assertThat(second.select("a#prev").attr("href")).isEqualTo("/hosts?name=fleet-");
        Document last = operator.page("/hosts?name=fleet-&page=200");
        assertThat(hostsOf(last)).hasSize(50).endsWith("fleet-09999");
        assertThat(last.select("a#next")).isEmpty();
        assertThat(operator.page("/hosts").select("#total").text()).isNotEqualTo("0");
        Element row = second.select("table#hosts tbody tr[data-host]").first();
        assertThat(row.select("td.verdict .badge").attr("class")).startsWith("badge v-");
        assertThat(row.select("td.host a").attr("href")).startsWith("/hosts/");
    }

    @Test
    void filtering_by_verdict_failing_rule_and_name_narrows_the_table_and_the_links_keep_the_filters() {
        Document ready = operator.page("/hosts?verdict=READY&name=fleet-");
        assertThat(ready.select("#total").text()).isEqualTo(Integer.toString(FLEET / 3 + 1));
        assertThat(ready.select("td.verdict .badge").eachText()).containsOnly("READY");
        assertThat(ready.select("select[name=verdict] option[selected]").attr("value")).isEqualTo("READY");
        assertThat(ready.select("a#next").attr("href")).isEqualTo("/hosts?verdict=READY&name=fleet-&page=2");
        Finding failing = notReady.findings().stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
        Document byRule = operator.page("/hosts?failing=" + failing.rule());
        long expected = STORE.latest(io.tlsready.domain.history.HostQuery.all(0, 1).withFailingRule(failing.rule()))
                .total();
        assertThat(byRule.select("#total").text()).isEqualTo(Long.toString(expected));
        for (Element tr : byRule.select("table#hosts tbody tr")) {
            assertThat(tr.select("td.failing code.rule").eachText()).contains(failing.rule().name());
        }
        Document byName = operator.page("/hosts?name=FLEET-0999");
        assertThat(hostsOf(byName)).containsExactly("fleet-09990", "fleet-09991", "fleet-09992", "fleet-09993",
                "fleet-09994", "fleet-09995", "fleet-09996", "fleet-09997", "fleet-09998", "fleet-09999");
        assertThat(byName.select("input[name=name]").attr("value")).isEqualTo("FLEET-0999");
        assertThat(byName.select("a#next")).isEmpty();
    }

    @Test
    void the_column_headers_link_to_the_table_sorted_by_them_keeping_the_filters() {
        Document d = operator.page("/hosts?verdict=NOT_READY");
        Elements sorts = d.select("th a[data-sort]");
        assertThat(sorts.eachAttr("data-sort")).containsExactly("name", "verdict", "audited", "failing");
        assertThat(d.select("th a[data-sort=name]").attr("href")).isEqualTo("/hosts?verdict=NOT_READY&sort=name"
                + "&order=desc");
        assertThat(d.select("th a[data-sort=failing]").attr("href")).isEqualTo("/hosts?verdict=NOT_READY"
                + "&sort=failing&order=desc");
        assertThat(d.select("th[aria-sort=ascending] a").attr("data-sort")).isEqualTo("name");
        Document desc = operator.page("/hosts?verdict=NOT_READY&name=fleet-&sort=name&order=desc");
        assertThat(hostsOf(desc).get(0)).isEqualTo("fleet-09998");
        assertThat(desc.select("th[aria-sort=descending] a").attr("data-sort")).isEqualTo("name");
        Document byFailing = operator.page("/hosts?name=fleet-&sort=failing&order=asc");
        assertThat(byFailing.select("td.verdict .badge").eachText()).containsOnly("READY");
        assertThat(hostsOf(byFailing).get(0)).isEqualTo("fleet-00000");
    }

    @Test
    void a_host_page_lists_failures_first_with_evidence_and_the_history_says_what_changed() {
        String host = "changing-" + System.nanoTime();
        STORE.save(renamed(notReady, host), T0);
        STORE.save(renamed(ready, host), T0.plusSeconds(3600));
        Document d = operator.page("/hosts/" + host);
        assertThat(d.select("h1").text()).contains(host);
        assertThat(d.select("#verdict .badge").text()).isEqualTo(ready.verdict().name());
        List<String> statuses = d.select("tr[data-rule][data-status]").eachAttr("data-status");
        assertThat(statuses).hasSize(ready.findings().size());
        Elements items = d.select("#history li[data-report]");
        assertThat(items).hasSize(2);
        long newest = Long.parseLong(items.get(0).attr("data-report"));
        assertThat(newest).isGreaterThan(Long.parseLong(items.get(1).attr("data-report")));
        Elements changes = items.get(0).select(".change[data-rule]");
        assertThat(changes).isNotEmpty();
        for (Element c : changes) {
            assertThat(c.text()).matches(c.attr("data-rule") + " [A-Z_()a-z]+ → [A-Z_()a-z]+");
        }
        assertThat(items.get(1).select(".change")).isEmpty();
        Document older = operator.page(items.get(1).select("a").attr("href"));
        assertThat(older.select("#verdict .badge").text()).isEqualTo(Verdict.NOT_READY.name());
        List<String> olderStatuses = older.select("tr[data-rule][data-status]").eachAttr("data-status");
        assertThat(olderStatuses.get(0)).isEqualTo("FAIL");
        int lastFail = olderStatuses.lastIndexOf("FAIL");
        assertThat(olderStatuses.subList(0, lastFail + 1)).containsOnly("FAIL");
        assertThat(older.select("tr[data-status=FAIL] td.evidence").text()).isNotBlank();
        assertThat(operator.get("/hosts/no-such-host-anywhere").statusCode()).isEqualTo(404);
        assertThat(operator.get("/reports/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void hostile_host_names_stay_text_in_the_table_and_on_the_host_page() {
        STORE.save(renamed(notReady, HOSTILE), T0);
        HttpResponse<String> table = operator.get("/hosts?name=%3Cscript%3E");
        assertThat(table.body()).doesNotContain("<script>alert").doesNotContain("\u202E");
        Document d = PageClient.parse(table);
        assertThat(d.select("script")).allMatch(s -> s.hasAttr("src"));
        String shown = d.select("table#hosts tbody tr").attr("data-host");
        assertThat(shown).startsWith("<script>alert(1)</script>\"'&").doesNotContain("\u202E");
        String href = d.select("table#hosts tbody td.host a").attr("href");
        HttpResponse<String> page = operator.get(href);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("\u202E");
        assertThat(PageClient.parse(page).select("h1").text()).contains("<script>alert(1)</script>");
    }
}
