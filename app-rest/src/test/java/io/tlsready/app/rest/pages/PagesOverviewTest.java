package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.app.rest.Multipart;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.app.rest.TestingStorage;
import io.tlsready.app.rest.TlsReadyServer;
import io.tlsready.domain.access.Role;
import io.tlsready.domain.history.CauseCount;
import io.tlsready.domain.history.FailureCause;
import io.tlsready.domain.history.HostQuery;
import io.tlsready.domain.history.RuleCount;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.report.Verdict;
import io.tlsready.domain.testing.InMemoryStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The overview's numbers are the store's: counts by verdict, the rules to fix first, unreachable hosts by cause
 * (each a link the hosts table answers with exactly those hosts), and readiness over the last 30 days.
 */
class PagesOverviewTest {

    private static final InMemoryStore STORE = new InMemoryStore();
    private static TlsReadyServer server;
    private static URI base;
    private static PageClient reader;

    @BeforeAll
    static void start() throws IOException {
        server = TlsReadyServer.builder().port(0).storage(new TestingStorage(STORE)).build();
        base = server.start();
        PageClient operator = PageClient.signedIn(base, TestingStorage.issue(STORE, "overview-op", Role.OPERATOR));
        HostReport notReady = upload(operator, "2008r2-not-ready");
        HostReport ready = upload(operator, "2008r2-ready");
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            String name = "ov-" + i;
            // three days of history: hosts move from NOT_READY to READY over time
            STORE.save(PagesHostsTest.renamed(notReady, name), now.minus(Duration.ofDays(3)));
            STORE.save(PagesHostsTest.renamed(i % 2 == 0 ? ready : notReady, name), now.minus(Duration.ofDays(1)));
        }
        for (int i = 0; i < 7; i++) {
            STORE.save(unreachable(ready, "down-" + i, i < 5 ? "connection refused" : "unknown host down-" + i), now);
        }
        reader = PageClient.signedIn(base, TestingStorage.issue(STORE, "overview-reader", Role.READER));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HostReport upload(PageClient c, String set) throws IOException {
        Multipart m = new Multipart().field("csrf", c.csrf());
        for (Path f : RestFixtures.exampleFiles(set)) {
            m.file("evidence", f.getFileName().toString(), Files.readAllBytes(f));
        }
        HttpResponse<String> r = c.postMultipart("/upload", m);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String host = PageClient.location(r).orElseThrow().substring("/hosts/".length());
        return STORE.history(host, 1).get(0).report();
    }

    private static HostReport unreachable(HostReport like, String name, String error) {
        return new HostReport(name, "winrm", like.os(), Verdict.UNKNOWN, List.of(), List.of(), List.of(),
                Optional.of(error));
    }

    @Test
    void the_counts_by_verdict_are_the_stores_with_numbers_on_the_page_and_on_the_bar() {
        Document d = reader.page("/");
        long all = 0;
        List<String> onBar = new java.util.ArrayList<>();
        for (Verdict v : Verdict.values()) {
            long n = STORE.latest(HostQuery.all(0, 1).withVerdict(v)).total();
            all += n;
            assertThat(d.select("#verdict-counts [data-verdict=" + v + "]").text()).as(v.name())
                    .isEqualTo(Long.toString(n));
            onBar.add(Long.toString(n));
        }
        assertThat(d.select("#host-count").text()).isEqualTo(Long.toString(all));
        assertThat(d.select("svg#verdict-bar rect")).hasSize(3);
        assertThat(d.select("svg#verdict-bar text").eachText()).as("the numbers drawn on the bar, verdict order")
                .isEqualTo(onBar);
    }

    @Test
    void what_to_fix_first_lists_the_failing_rules_with_host_counts_titles_and_links_to_those_hosts() {
        Document d = reader.page("/");
        List<RuleCount> failing = STORE.failingRules();
        List<Element> items = d.select("#fix-first li[data-rule]");
        assertThat(items).hasSize(Math.min(failing.size(), OverviewPage.FIX_FIRST)).isNotEmpty();
        for (int i = 0; i < items.size(); i++) {
            Element li = items.get(i);
            RuleCount c = failing.get(i);
            assertThat(li.attr("data-rule")).isEqualTo(c.rule().name());
            assertThat(li.select(".num").text()).isEqualTo(Long.toString(c.hosts()));
            assertThat(li.select("a").attr("href")).isEqualTo("/hosts?failing=" + c.rule());
            assertThat(li.select(".title").text()).isNotBlank();
        }
        Element top = items.get(0);
        Document hosts = reader.page(top.select("a").attr("href"));
        assertThat(hosts.select("#total").text()).isEqualTo(top.select(".num").text());
    }

    @Test
    void unreachable_hosts_are_grouped_by_cause_each_a_link_to_those_hosts_with_the_cause_shown() {
        Document d = reader.page("/");
        List<CauseCount> causes = STORE.failureCauses();
        assertThat(d.select("#causes li[data-cause]").eachAttr("data-cause"))
                .containsExactly(causes.stream().map(c -> c.cause().name()).toArray(String[]::new));
        Element refused = d.select("#causes li[data-cause=REFUSED]").first();
        assertThat(refused.select(".num").text()).isEqualTo("5");
        assertThat(refused.select("a").text()).isEqualTo(FailureCause.REFUSED.label());
        Document hosts = reader.page(refused.select("a").attr("href"));
        assertThat(hosts.select("#total").text()).isEqualTo("5");
        assertThat(hosts.select("td.cause").eachText()).containsOnly(FailureCause.REFUSED.label());
        assertThat(hosts.select("select[name=cause] option[selected]").attr("value")).isEqualTo("REFUSED");
        assertThat(reader.page("/hosts?cause=DNS").select("table#hosts tbody tr[data-host]").eachAttr("data-host"))
                .containsExactly("down-5", "down-6");
    }

    @Test
    void readiness_over_thirty_days_is_a_chart_with_axis_labels_and_the_latest_numbers_as_text() {
        Document d = reader.page("/");
        assertThat(d.select("svg#readiness-chart")).hasSize(1);
        assertThat(d.select("svg#readiness-chart rect").size()).isGreaterThanOrEqualTo(3);
        assertThat(d.select("svg#readiness-chart text.tick")).hasSizeGreaterThanOrEqualTo(4);
        Element latest = d.select("#readiness-latest").first();
        List<String> numbers = latest.select(".num").eachText();
        assertThat(numbers).containsExactly(
                Long.toString(STORE.latest(HostQuery.all(0, 1).withVerdict(Verdict.READY)).total()),
                Long.toString(STORE.latest(HostQuery.all(0, 1).withVerdict(Verdict.NOT_READY)).total()),
                Long.toString(STORE.latest(HostQuery.all(0, 1).withVerdict(Verdict.UNKNOWN)).total()));
    }
}
