package io.tlsready.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.report.AuditReport;
import io.tlsready.domain.report.HostReport;
import io.tlsready.domain.rules.RuleId;
import io.tlsready.domain.rules.Status;
import io.tlsready.testing.Browser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The fleet report file in a real headless Chromium, at a desktop's 1280 px and a phone's 390 px: sort by verdict,
 * filter by a failing rule, group by failure cause, open a host's details and see its evidence, without a script
 * error. Each step's whole page lands in {@code target/screenshots/report-*.png}; the overviews go to
 * {@code docs/fleet-report.png} and {@code docs/fleet-report-phone.png} with {@code -Dtlsready.docs.screenshots=true}.
 */
class HtmlReportBrowserIT {

    private static final Map<String, Integer> SEVERITY = Map.of("NOT_READY", 0, "UNKNOWN", 1, "READY", 2);
    private static AuditReport fleet;
    private static Path file;

    @BeforeAll
    static void write_the_fleet_report() throws IOException {
        fleet = Fleets.mixed("srv", 100);
        Path dir = Files.createDirectories(Path.of("target", "reports"));
        file = dir.resolve("fleet-100.html");
        Files.write(file, HtmlReportTest.render(fleet));
    }

    @Test
    void an_admin_sorts_filters_groups_and_opens_a_host_on_a_desktop() throws IOException {
        try (Browser browser = Browser.desktop()) {
            browser.driver().get(file.toUri().toString());
            Path overview = browser.screenshot("report-1-overview");
            Browser.publish(top(overview, 1500), Path.of("..", "docs", "fleet-report.png"));
            assertThat(rows(browser)).hasSize(100);

            browser.driver().findElement(By.cssSelector("th button[data-sort=verdict]")).click();
            List<Integer> order = rows(browser).stream()
                    .map(r -> SEVERITY.get(r.getAttribute("data-verdict"))).toList();
            assertThat(order).isSorted().first().isEqualTo(0);
            browser.screenshot("report-2-sorted-by-verdict");

            RuleId rule = RuleId.SCHANNEL_TLS12_CLIENT;
            new Select(browser.driver().findElement(By.id("f-failing"))).selectByValue(rule.name());
            long failing = fleet.hosts().stream().filter(h -> fails(h, rule)).count();
            assertThat(failing).isBetween(1L, 99L);
            assertThat(rows(browser)).hasSize((int) failing)
                    .allSatisfy(r -> assertThat(r.findElement(By.cssSelector("td.failing")).getText())
                            .contains(rule.name()));
            assertThat(browser.driver().findElement(By.id("shown")).getText())
                    .isEqualTo("showing " + failing + " of 100 hosts");
            browser.screenshot("report-3-filtered-by-failing-rule");

            new Select(browser.driver().findElement(By.id("f-failing"))).selectByValue("");
            new Select(browser.driver().findElement(By.id("f-group"))).selectByValue("cause");
            List<WebElement> groups = browser.driver().findElements(By.cssSelector("table#hosts tbody[data-group]"));
            long unaudited = fleet.hosts().stream().filter(h -> h.error().isPresent()).count();
            assertThat(groups).hasSize(7);
            assertThat(groups.get(0).getAttribute("data-group")).isEmpty();
            assertThat(groups.get(0).findElement(By.cssSelector("tr.group")).getText())
                    .isEqualTo("audited — " + (100 - unaudited) + " hosts");
            assertThat(browser.driver().findElement(By.cssSelector("tbody[data-group=REFUSED] tr.group")).getText())
                    .startsWith("not audited: connection refused — ");
            assertThat(rows(browser)).hasSize(100);
            browser.screenshot("report-4-grouped-by-cause");

            new Select(browser.driver().findElement(By.id("f-group"))).selectByValue("");
            WebElement first = rows(browser).stream().filter(r -> "srv-002".equals(r.getAttribute("data-host")))
                    .findFirst().orElseThrow();
            first.findElement(By.cssSelector("td a")).click();
            WebElement details = browser.driver().findElement(By.id("host-2"));
            assertThat(details.getAttribute("open")).isNotNull();
            WebElement line = details.findElement(By.cssSelector("table.lines tr"));
            assertThat(line.isDisplayed()).isTrue();
            assertThat(line.getText()).contains("FAIL", "SCHANNEL_TLS12_CLIENT", "Enabled: ABSENT");
            browser.screenshot("report-5-host-details");

            details.findElement(By.cssSelector("table.lines a")).click();
            assertThat(browser.driver().findElement(By.cssSelector("article.kind[data-rule=SCHANNEL_TLS12_CLIENT]"))
                    .getText()).contains("HKLM\\SYSTEM", "dword:00000001");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void what_to_fix_first_shows_the_hosts_a_rule_fails_on() {
        try (Browser browser = Browser.desktop()) {
            browser.driver().get(file.toUri().toString());
            WebElement top = browser.driver().findElement(By.cssSelector("#fix-first li[data-rule]"));
            String rule = top.getAttribute("data-rule");
            int hosts = Integer.parseInt(top.findElement(By.cssSelector(".num")).getText());
            top.findElement(By.cssSelector("a")).click();
            assertThat(rows(browser)).hasSize(hosts);
            assertThat(new Select(browser.driver().findElement(By.id("f-failing"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo(rule);
            browser.screenshot("report-6-fix-first-clicked");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void on_a_phone_the_report_fits_the_screen_and_still_filters() throws IOException {
        try (Browser browser = Browser.phone()) {
            browser.driver().get(file.toUri().toString());
            Path overview = browser.screenshot("report-phone-1-overview");
            Browser.publish(top(overview, 2700), Path.of("..", "docs", "fleet-report-phone.png"));
            Number width = (Number) browser.script("return document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
            new Select(browser.driver().findElement(By.id("f-verdict"))).selectByValue("UNKNOWN");
            assertThat(rows(browser)).hasSize((int) fleet.hosts().stream()
                    .filter(h -> h.verdict().name().equals("UNKNOWN")).count());
            browser.screenshot("report-phone-2-unknown-hosts");
            browser.driver().findElement(By.cssSelector("table#hosts tbody tr td a")).click();
            browser.screenshot("report-phone-3-host-details");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void one_host_reads_fail_first_on_a_phone_and_a_desktop() throws IOException {
        AuditReport one = new AuditReport(List.of(fleet.hosts().get(1)), "t", "2026-12-07T10:00:00Z");
        Path single = Path.of("target", "reports", "one-host.html");
        Files.write(single, HtmlReportTest.render(one));
        for (Browser.Size size : Browser.Size.values()) {
            try (Browser browser = Browser.start(size)) {
                browser.driver().get(single.toUri().toString());
                List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.findings tbody tr"));
                assertThat(rows.get(0).getAttribute("data-status")).isEqualTo("FAIL");
                Number width = (Number) browser.script("return document.documentElement.scrollWidth");
                assertThat(width.intValue()).isLessThanOrEqualTo(size.width);
                Number ruleHeight = (Number) browser.script("return document.querySelector('code.rule')"
                        + ".getClientRects().length");
                assertThat(ruleHeight.intValue()).as("a rule id on one line").isEqualTo(1);
                Number brokenKeys = (Number) browser.script("return Array.from(document.querySelectorAll("
                        + "'code.path span')).filter(s => s.getClientRects().length > 1).length");
                assertThat(brokenKeys.intValue()).as("key names with spaces on one line").isZero();
                browser.screenshot("report-one-host-" + size.name().toLowerCase());
                assertThat(browser.consoleErrors()).isEmpty();
            }
        }
    }

    @Test
    void five_thousand_hosts_load_with_a_row_each() throws IOException {
        Path big = Path.of("target", "reports", "fleet-5000.html");
        Files.write(big, HtmlReportTest.render(Fleets.mixed("host", 5000)));
        try (Browser browser = Browser.desktop()) {
            browser.driver().get(big.toUri().toString());
            assertThat(browser.driver().findElements(By.cssSelector("table#hosts tbody tr[data-host]"))).hasSize(5000);
            new Select(browser.driver().findElement(By.id("f-group"))).selectByValue("failing");
            assertThat(browser.driver().findElements(By.cssSelector("table#hosts tbody[data-group]"))).isNotEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static boolean fails(HostReport h, RuleId rule) {
        return h.findings().stream().anyMatch(f -> f.rule() == rule && f.status() == Status.FAIL);
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("table#hosts tbody tr[data-host]"));
    }

    /** The top of a whole-page screenshot (what an admin sees first), for the README. */
    private static Path top(Path shot, int height) throws IOException {
        BufferedImage image = ImageIO.read(shot.toFile());
        BufferedImage cut = image.getSubimage(0, 0, image.getWidth(), Math.min(height, image.getHeight()));
        Path file = shot.resolveSibling(shot.getFileName().toString().replace(".png", "-top.png"));
        ImageIO.write(cut, "png", file.toFile());
        return file;
    }
}
