package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.testing.Browser;
import io.tlsready.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard with 5,000 stored hosts (three days of history, every verdict, several failure causes; seeded by
 * {@link DashboardFleet} before {@code tlsready serve} starts on the data), in Chromium at desktop and phone width:
 * the overview's numbers are the API's, the host table pages, sorts and filters server-side, a host page opens.
 * Screenshots in target/screenshots (dashboard-scale-NN-…); with {@code -Dtlsready.docs.screenshots=true} the
 * README's pictures in docs/ are made from them.
 */
@Timeout(900) // a guard against a hang only
class DashboardAtScaleIT {

    private static final int HOSTS = 5000;
    private static final int PER_PAGE = 50;
    private static final String[] VERDICTS = {"READY", "NOT_READY", "UNKNOWN"};

    private static Path work;
    private static DashboardFleet.Seeded seeded;
    private static DashboardService service;

    @BeforeAll
    static void a_served_fleet_of_5000_hosts() throws Exception {
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dashboard-scale-");
        Path examples = RestFixtures.exampleFiles("2008r2-ready").get(0).getParent().getParent();
        seeded = DashboardFleet.seed(work.resolve("data"), HOSTS, examples, Corpus.find().map(c -> c.resolve("kb"))
                .orElse(null));
        System.out.println("DashboardAtScaleIT: seeded " + seeded);
        service = DashboardService.start(work, work.resolve("data"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void at_desktop_width_the_overview_counts_are_the_apis_and_the_table_pages_sorts_and_filters_5000_hosts() {
        try (DashboardSteps s = new DashboardSteps(Browser.desktop(), service, "dashboard-scale")) {
            s.signIn(service.token());
            JsonNode fleet = service.api("/api/v1/fleet");
            assertOverview(s, fleet);
            Browser.publish(s.done("overview"), docs("dashboard.png"));

            // the table: all 5,000 hosts, 50 a page, then sorted by failing rules, most first
            s.find(By.id("nav-hosts")).click();
            s.await("the hosts table", ExpectedConditions.presenceOfElementLocated(By.cssSelector("table#hosts")));
            assertThat(DashboardSteps.number(s.find(By.id("total")))).as(s.at()).isEqualTo(HOSTS);
            assertThat(rows(s)).as(s.at()).hasSize(PER_PAGE).isEqualTo(hosts(service.api("/api/v1/hosts?limit=50")));
            assertThat(s.all(By.id("next"))).as("a next page " + s.at()).hasSize(1);
            s.done("hosts");
            sortByFailingMostFirst(s);
            assertThat(rows(s)).as(s.at()).isEqualTo(hosts(service.api(
                    "/api/v1/hosts?sort=failing&order=desc&limit=50")));
            assertThat(DashboardSteps.number(s.find(By.id("total")))).isEqualTo(HOSTS);
            Browser.publish(s.done("hosts-most-failing-first"), docs("dashboard-hosts.png"));

            // filtered by the rule to fix first, and by the commonest failure cause: the API's totals
            String rule = fleet.path("failingRules").get(0).path("rule").asText();
            filter(s, "failing", rule);
            JsonNode byRule = service.api("/api/v1/hosts?failing=" + rule + "&limit=50");
            assertThat(DashboardSteps.number(s.find(By.id("total")))).as(s.at()).isEqualTo(byRule.path("total")
                    .asLong()).isLessThan(HOSTS);
            assertThat(rows(s)).as(s.at()).hasSize(Math.min(PER_PAGE, byRule.path("total").asInt()));
            s.done("hosts-failing-" + rule);
            new Select(s.find(By.cssSelector("form#host-filter select[name=failing]"))).selectByIndex(0);
            String cause = fleet.path("causes").get(0).path("cause").asText();
            filter(s, "cause", cause);
            JsonNode byCause = service.api("/api/v1/hosts?cause=" + cause + "&limit=50");
            assertThat(DashboardSteps.number(s.find(By.id("total")))).as(s.at()).isEqualTo(byCause.path("total")
                    .asLong()).isEqualTo(fleet.path("causes").get(0).path("hosts").asLong());
            assertThat(rows(s)).as(s.at()).hasSize(Math.min(PER_PAGE, byCause.path("total").asInt()));
            for (WebElement verdict : s.all(By.cssSelector("table#hosts tbody tr[data-host] td.verdict .badge"))) {
                assertThat(verdict.getAttribute("class")).as("unreachable hosts %s", s.at()).contains("v-UNKNOWN");
            }
            s.done("hosts-cause-" + cause);

            // page 50 of the unfiltered table: rows 2,451 to 2,500 in name order, with a way back and on
            s.open("/hosts?page=50", By.cssSelector("table#hosts"));
            assertThat(rows(s)).as(s.at()).isEqualTo(hosts(service.api("/api/v1/hosts?offset=2450&limit=50")));
            assertThat(s.all(By.id("prev"))).as(s.at()).hasSize(1);
            assertThat(s.all(By.id("next"))).as(s.at()).hasSize(1);
            s.done("hosts-page-50");

            // a host's page from the table
            String host = rows(s).get(0);
            s.find(By.cssSelector("table#hosts tr[data-host='" + host + "'] a")).click();
            s.await("the page of " + host, ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), host));
            assertThat(s.all(By.cssSelector("#verdict .badge"))).as(s.at()).hasSize(1);
            assertThat(s.all(By.cssSelector("#history li[data-report]"))).as(s.at()).isNotEmpty();
            s.done("host");
        }
    }

    @Test
    void at_phone_width_the_overview_the_hosts_table_and_a_host_page_fit_the_screen() {
        try (DashboardSteps s = new DashboardSteps(Browser.phone(), service, "dashboard-scale-phone")) {
            s.signIn(service.token());
            assertOverview(s, service.api("/api/v1/fleet"));
            assertThat(s.fitsTheViewport()).as("overview: %s %s", s.widths(), s.at()).isTrue();
            Browser.publish(s.done("overview"), docs("dashboard-phone.png"));

            s.open("/hosts", By.cssSelector("table#hosts"));
            assertThat(rows(s)).as(s.at()).hasSize(PER_PAGE);
            assertThat(DashboardSteps.number(s.find(By.id("total")))).isEqualTo(HOSTS);
            assertThat(s.fitsTheViewport()).as("hosts: %s %s", s.widths(), s.at()).isTrue();
            s.done("hosts");

            String host = hosts(service.api("/api/v1/hosts?verdict=NOT_READY&limit=1")).get(0);
            s.open("/hosts/" + host, By.cssSelector("#verdict .badge"));
            assertThat(s.all(By.cssSelector("tr[data-rule][data-status=FAIL]"))).as(s.at()).isNotEmpty();
            assertThat(s.fitsTheViewport()).as("host page: %s %s", s.widths(), s.at()).isTrue();
            s.done("host");
        }
    }

    /** The overview's verdict counts, "fix first" and causes equal the API's /fleet answer (and the seed's). */
    private static void assertOverview(DashboardSteps s, JsonNode fleet) {
        s.await("the verdict counts", ExpectedConditions.presenceOfElementLocated(By.id("verdict-counts")));
        assertThat(fleet.path("hosts").asInt()).isEqualTo(HOSTS);
        for (String verdict : VERDICTS) {
            WebElement count = s.find(By.cssSelector("#verdict-counts [data-verdict=" + verdict + "]"));
            long api = fleet.path("verdicts").path(verdict).asLong();
            assertThat(DashboardSteps.number(count)).as("%s %s", verdict, s.at()).isEqualTo(api)
                    .isEqualTo(seeded.latest().get(io.tlsready.domain.report.Verdict.valueOf(verdict)).longValue());
        }
        assertThat(s.all(By.cssSelector("svg#readiness-chart"))).as(s.at()).hasSize(1);
        List<WebElement> fixFirst = s.all(By.cssSelector("#fix-first li[data-rule]"));
        assertThat(fixFirst).as(s.at()).isNotEmpty();
        for (int i = 0; i < fixFirst.size(); i++) {
            WebElement li = fixFirst.get(i);
            JsonNode api = fleet.path("failingRules").get(i);
            assertThat(li.getAttribute("data-rule")).as("fix-first #%d %s", i, s.at()).isEqualTo(api.path("rule")
                    .asText());
            assertThat(DashboardSteps.number(li.findElement(By.cssSelector(".num")))).isEqualTo(api.path("hosts")
                    .asLong());
            assertThat(li.findElement(By.tagName("a")).getAttribute("href")).contains("/hosts?").contains("failing="
                    + api.path("rule").asText());
        }
        List<WebElement> causes = s.all(By.cssSelector("#causes li[data-cause]"));
        assertThat(causes).extracting(e -> e.getAttribute("data-cause")).as(s.at())
                .containsExactlyElementsOf(texts(fleet.path("causes"), "cause")).hasSizeGreaterThanOrEqualTo(4);
        for (WebElement li : causes) {
            assertThat(li.findElement(By.tagName("a")).getAttribute("href")).contains("cause=" + li.getAttribute(
                    "data-cause"));
        }
    }

    /** Clicks the "failing" header until the table is sorted by it, most failing first (as the API's order). */
    private static void sortByFailingMostFirst(DashboardSteps s) {
        for (int click = 0; click < 2; click++) {
            String before = s.driver().getCurrentUrl();
            s.find(By.cssSelector("th a[data-sort=failing]")).click();
            s.await("sorted by failing", d -> !d.getCurrentUrl().equals(before));
            List<String> apiOrder = hosts(service.api("/api/v1/hosts?sort=failing&order=desc&limit=50"));
            if (rows(s).equals(apiOrder)) {
                return;
            }
        }
    }

    private static void filter(DashboardSteps s, String field, String value) {
        new Select(s.find(By.cssSelector("form#host-filter select[name=" + field + "]"))).selectByValue(value);
        s.find(By.id("apply-filter")).click();
        s.await("the hosts with " + field + "=" + value, d -> d.getCurrentUrl().contains(field + "=" + value));
    }

    private static List<String> rows(DashboardSteps s) {
        return s.all(By.cssSelector("table#hosts tbody tr[data-host]")).stream().map(e -> e.getAttribute(
                "data-host")).toList();
    }

    private static List<String> hosts(JsonNode page) {
        return texts(page.path("items"), "host");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    /** docs/NAME at the project root (the module runs in app-rest/). */
    private static Path docs(String name) {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolveSibling("docs")) ? here.getParent() : here;
        if (!Files.isDirectory(root.resolve("docs"))) {
            throw new UncheckedIOException(new IOException("no docs/ at " + root));
        }
        return root.resolve("docs").resolve(name);
    }
}
