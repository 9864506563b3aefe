package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsready.app.rest.Multipart;
import io.tlsready.app.rest.RestFixtures;
import io.tlsready.domain.facts.Fact;
import io.tlsready.domain.facts.HostFacts;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.sim.EvidenceFacts;
import io.tlsready.sim.HostSpec;
import io.tlsready.sim.SimulatedFleet;
import io.tlsready.testing.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 12's browser walkthrough of the dashboard served by {@code tlsready serve} (a process from the packaged
 * jars, SQLite, the WinRM simulator's hosts), in a real headless Chromium: sign in, upload, scan with live progress,
 * filter, read a host's evidence, scan again after a host changed and see the drift, sign out. One screenshot per
 * step in target/screenshots (dashboard-NN-step.png; dashboard-phone-NN-step.png at 390 px).
 */
@Timeout(600) // a guard against a hang only
class DashboardWalkthroughIT {

    private static final String SUBNET = "127.0.95.";
    private static final String UPLOADED = "MABS01"; // the host of examples/2008r2-not-ready

    @TempDir
    Path tmp;

    @Test
    void an_admin_signs_in_uploads_scans_filters_reads_evidence_sees_the_drift_and_signs_out() throws Exception {
        HostFacts ready = EvidenceFacts.load(RestFixtures.exampleFiles("2008r2-ready"));
        HostFacts notReady = EvidenceFacts.load(RestFixtures.exampleFiles("2008r2-not-ready"));
        String fixed = SUBNET + 2;
        try (DashboardService service = DashboardService.start(tmp, tmp.resolve("data"));
                DashboardSteps s = new DashboardSteps(Browser.desktop(), service, "dashboard")) {

            // sign in: a wrong token first, then the initial one
            s.open("/login", By.cssSelector("form#login"));
            s.find(By.id("token")).sendKeys("tlsr_" + "x".repeat(43));
            s.find(By.id("sign-in")).click();
            WebElement error = s.await("the sign-in error", ExpectedConditions.visibilityOfElementLocated(
                    By.id("login-error")));
            assertThat(error.getText()).as(s.at()).isNotBlank();
            assertThat(s.all(By.cssSelector("nav#top"))).as("not signed in " + s.at()).isEmpty();
            s.done("login-wrong-token", "/login - Failed to load resource: the server responded with a status of 401");
            s.signIn(service.token());
            assertThat(s.driver().getCurrentUrl()).isEqualTo(service.url("/"));
            s.done("overview-empty");

            // upload an example set: the host's page, NOT_READY with its failing rules, FAIL first
            s.find(By.id("nav-upload")).click();
            s.await("the upload form", ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#upload")));
            s.find(By.cssSelector("form#upload input[type=file][name=evidence]")).sendKeys(
                    RestFixtures.exampleFiles("2008r2-not-ready").stream().map(p -> p.toAbsolutePath().toString())
                            .collect(Collectors.joining("\n")));
            s.done("upload-form");
            s.find(By.id("upload-submit")).click();
            s.await("the uploaded host's page", ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                    UPLOADED));
            assertThat(s.find(By.cssSelector("#verdict .badge")).getAttribute("class")).as(s.at())
                    .contains("v-NOT_READY");
            List<String> failing = texts(service.api("/api/v1/hosts?name=" + UPLOADED).path("items").get(0)
                    .path("failing"));
            assertThat(failing).isNotEmpty();
            for (String rule : failing) {
                assertThat(s.all(By.cssSelector("tr[data-rule='" + rule + "'][data-status=FAIL]")))
                        .as("%s shown as FAIL %s", rule, s.at()).isNotEmpty();
            }
            assertFailFirst(s);
            s.done("host-uploaded-not-ready");

            // a scan of three simulated hosts (two not ready, one ready), progress watched live on one page
            int fixedPort;
            try (SimulatedFleet fleet = SimulatedFleet.start(List.of(host(SUBNET + 1, 0, notReady),
                    host(fixed, 0, notReady), host(SUBNET + 3, 0, ready)))) {
                fixedPort = fleet.endpoint(fixed).port();
                scan(s, fleet.endpoints().stream().map(SimulatedFleet.Endpoint::hostPort).toList(), "scan");
                assertThat(s.all(By.cssSelector("#scan-hosts a[data-host]"))).extracting(e -> e.getAttribute(
                        "data-host")).as(s.at()).containsExactlyInAnyOrder(SUBNET + 1, fixed, SUBNET + 3);
            }

            // the hosts table, then filtered by a failing rule: as many rows as the API's answer for that filter
            s.find(By.id("nav-hosts")).click();
            s.await("the hosts table", ExpectedConditions.presenceOfElementLocated(By.cssSelector("table#hosts")));
            assertThat(rows(s)).as(s.at()).containsExactlyInAnyOrder(UPLOADED, SUBNET + 1, fixed, SUBNET + 3);
            assertThat(DashboardSteps.number(s.find(By.id("total")))).isEqualTo(4);
            s.done("hosts-all");
            String rule = "SCHANNEL_TLS12_CLIENT";
            new Select(s.find(By.cssSelector("form#host-filter select[name=failing]"))).selectByValue(rule);
            s.find(By.id("apply-filter")).click();
            s.await("the hosts failing " + rule, d -> d.getCurrentUrl().contains("failing=" + rule));
            JsonNode api = service.api("/api/v1/hosts?failing=" + rule);
            List<String> apiHosts = new ArrayList<>();
            api.path("items").forEach(i -> apiHosts.add(i.path("host").asText()));
            assertThat(rows(s)).as(s.at()).hasSizeLessThan(4).containsExactlyInAnyOrderElementsOf(apiHosts)
                    .contains(fixed, SUBNET + 1, UPLOADED).doesNotContain(SUBNET + 3);
            assertThat(DashboardSteps.number(s.find(By.id("total")))).as(s.at()).isEqualTo(api.path("total").asLong());
            for (WebElement cell : s.all(By.cssSelector("table#hosts tbody tr[data-host] td.failing"))) {
                assertThat(cell.getText()).as(s.at()).contains(rule);
            }
            s.done("hosts-failing-" + rule);

            // a host's page: its evidence, as the simulated host holds it (a registry path and the value seen there)
            s.find(By.cssSelector("table#hosts tr[data-host='" + fixed + "'] a")).click();
            s.await("the page of " + fixed, ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                    fixed));
            String evidence = s.all(By.cssSelector("td.evidence")).stream().map(WebElement::getText)
                    .collect(Collectors.joining("\n"));
            List<String> shown = new ArrayList<>();
            notReady.values().forEach((ref, fact) -> {
                if (fact instanceof Fact.Present<RegValue> p && evidence.contains(ref.physicalKey())
                        && evidence.contains(p.value().display())) {
                    shown.add(ref.physicalKey() + "\\" + ref.name() + " = " + p.value().display());
                }
            });
            assertThat(shown).as("registry values of the simulated host in the evidence %s", s.at()).isNotEmpty();
            assertThat(s.find(By.cssSelector("#verdict .badge")).getAttribute("class")).contains("v-NOT_READY");
            s.done("host-evidence");

            // the host is fixed (same address and port, now the ready evidence) and scanned again: the drift shows
            try (SimulatedFleet fleet = SimulatedFleet.start(List.of(host(fixed, fixedPort, ready)))) {
                scan(s, List.of(fleet.endpoint(fixed).hostPort()), "rescan");
            }
            s.find(By.cssSelector("#scan-hosts a[data-host='" + fixed + "']")).click();
            s.await("the history of " + fixed, ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#history li[data-report]")));
            assertThat(s.find(By.cssSelector("#verdict .badge")).getAttribute("class")).as(s.at())
                    .contains("v-READY");
            List<WebElement> history = s.all(By.cssSelector("#history li[data-report]"));
            assertThat(history).as(s.at()).hasSize(2);
            WebElement change = history.get(0).findElement(By.cssSelector(
                    ".change[data-rule=SCHANNEL_TLS12_CLIENT]"));
            assertThat(change.getText()).as(s.at()).contains("SCHANNEL_TLS12_CLIENT").contains("FAIL")
                    .contains("PASS").containsPattern("FAIL\\s*→\\s*PASS");
            assertThat(Long.parseLong(history.get(0).getAttribute("data-report")))
                    .as("newest first").isGreaterThan(Long.parseLong(history.get(1).getAttribute("data-report")));
            s.done("host-history-drift");

            // the overview now: the counts by verdict are the API's
            s.find(By.id("nav-overview")).click();
            s.await("the verdict counts", ExpectedConditions.presenceOfElementLocated(By.id("verdict-counts")));
            for (String verdict : List.of("READY", "NOT_READY", "UNKNOWN")) {
                long count = service.api("/api/v1/hosts?limit=1&verdict=" + verdict).path("total").asLong();
                assertThat(DashboardSteps.number(s.find(By.cssSelector("#verdict-counts [data-verdict=" + verdict
                        + "]")))).as("%s %s", verdict, s.at()).isEqualTo(count);
            }
            assertThat(s.all(By.cssSelector("#fix-first li[data-rule='" + rule + "']"))).as(s.at()).hasSize(1);
            s.done("overview-after-scans");

            // sign out: back at /login, and the old session cookie opens nothing any more
            String oldSession = s.sessionId();
            s.find(By.cssSelector("form#sign-out button")).click();
            s.await("the sign-in page", ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#login")));
            assertThat(s.all(By.cssSelector("nav#top"))).as(s.at()).isEmpty();
            s.done("signed-out");
            HttpResponse<String> replay = service.pageWithCookie("/hosts", oldSession);
            assertThat(replay.statusCode()).as("the old cookie after sign-out").isEqualTo(303);
            assertThat(replay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                    .contains("/login"));
            s.driver().manage().addCookie(new Cookie(DashboardService.SESSION_COOKIE, oldSession, "/"));
            s.driver().get(service.url("/hosts"));
            s.await("/login again with the old cookie", ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("form#login")));
            s.done("old-cookie-refused");
            // the first start shows the initial token once (by design); a session id never
            assertThat(service.log()).containsOnlyOnce(service.token()).doesNotContain(oldSession);
        }
    }

    @Test
    void on_a_phone_the_overview_the_hosts_table_and_a_host_page_fit_the_screen() throws Exception {
        try (DashboardService service = DashboardService.start(tmp, tmp.resolve("data"));
                DashboardSteps s = new DashboardSteps(Browser.phone(), service, "dashboard-phone")) {
            for (String set : List.of("2008r2-not-ready", "2012r2-ready-controlset", "2019-incomplete")) {
                Multipart upload = new Multipart();
                for (Path file : RestFixtures.exampleFiles(set)) {
                    upload.file("evidence", file.getFileName().toString(), Files.readAllBytes(file));
                }
                HttpResponse<String> r = service.apiPost("/api/v1/audits", upload.contentType(), upload.build());
                assertThat(r.statusCode()).as(set + ": " + r.body()).isEqualTo(200);
            }
            s.signIn(service.token());
            s.await("the verdict counts", ExpectedConditions.presenceOfElementLocated(By.id("verdict-counts")));
            assertThat(s.fitsTheViewport()).as("overview: %s %s", s.widths(), s.at()).isTrue();
            s.done("overview");

            s.open("/hosts", By.cssSelector("table#hosts"));
            assertThat(rows(s)).as(s.at()).hasSize(3).contains(UPLOADED);
            assertThat(s.fitsTheViewport()).as("hosts: %s %s", s.widths(), s.at()).isTrue();
            s.done("hosts");

            s.open("/hosts/" + UPLOADED, By.cssSelector("#verdict .badge"));
            assertThat(s.find(By.tagName("h1")).getText()).contains(UPLOADED);
            assertThat(s.all(By.cssSelector("tr[data-rule][data-status=FAIL]"))).as(s.at()).isNotEmpty();
            assertFailFirst(s);
            assertThat(s.fitsTheViewport()).as("host page: %s %s", s.widths(), s.at()).isTrue();
            s.done("host");
        }
    }

    /**
     * Starts a scan of {@code targets} with profile "sim" from the scans form, then watches {@code #scan-progress}
     * on its page: an observer put into that page records each state the page's script shows into the tab's
     * sessionStorage ("live" entries), so the test sees the page itself go to finished (data-done == data-total)
     * without anyone reloading it; the page may then reload itself to list the finished hosts.
     */
    private static void scan(DashboardSteps s, List<String> targets, String name) {
        s.find(By.id("nav-scans")).click();
        s.await("the scan form", ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#scan")));
        s.find(By.cssSelector("form#scan textarea[name=hosts]")).sendKeys(String.join("\n", targets));
        Select profile = new Select(s.find(By.cssSelector("form#scan select[name=profile]")));
        assertThat(profile.getOptions()).extracting(WebElement::getText).as(s.at()).contains("sim");
        profile.selectByVisibleText("sim");
        s.done(name + "-form");
        s.find(By.id("scan-submit")).click();
        s.await("the scan's progress", ExpectedConditions.presenceOfElementLocated(By.id("scan-progress")));
        assertThat(s.driver().getCurrentUrl()).as("a scan's page").matches(".*/scans/[^/?#]+$");
        Object initial = s.browser().script("var p = document.getElementById('scan-progress');"
                + "function seen(how) { var all = JSON.parse(sessionStorage.getItem('dashboard-seen') || '[]');"
                + "  all.push(how + ' ' + p.getAttribute('data-state') + ' ' + p.getAttribute('data-done') + '/'"
                + "  + p.getAttribute('data-total')); sessionStorage.setItem('dashboard-seen', JSON.stringify(all)); }"
                + "sessionStorage.setItem('dashboard-seen', '[]'); seen('initial');"
                + "new MutationObserver(function () { seen('live'); }).observe(p, {attributes: true});"
                + "return p.getAttribute('data-state');");
        assertThat(initial).as("the scan is still running when its page shows (else there is nothing to watch) %s",
                s.at()).isEqualTo("running");
        assertThat(s.all(By.cssSelector("#scan-progress progress"))).as(s.at()).hasSize(1);
        s.done(name + "-progress");
        String done = targets.size() + "/" + targets.size();
        s.await("the page to show the scan finished, " + done, 300, d -> String.valueOf(s.browser().script(
                "return sessionStorage.getItem('dashboard-seen')")).contains("live finished " + done));
        s.await("the finished scan's page", d -> "finished".equals(d.findElement(By.id("scan-progress"))
                .getAttribute("data-state")));
        WebElement progress = s.find(By.id("scan-progress"));
        assertThat(progress.getAttribute("data-done")).as(s.at()).isEqualTo(progress.getAttribute("data-total"))
                .isEqualTo(String.valueOf(targets.size()));
        s.await("the scan's hosts listed", ExpectedConditions.numberOfElementsToBe(By.cssSelector(
                "#scan-hosts a[data-host]"), targets.size()));
        s.done(name + "-finished");
    }

    /** FAIL rows come before any other status in the findings table. */
    private static void assertFailFirst(DashboardSteps s) {
        List<String> statuses = s.all(By.cssSelector("tr[data-rule][data-status]")).stream()
                .map(e -> e.getAttribute("data-status")).toList();
        int lastFail = statuses.lastIndexOf("FAIL");
        assertThat(statuses.subList(0, lastFail + 1)).as("FAIL first: %s %s", statuses, s.at()).containsOnly("FAIL");
    }

    private static List<String> rows(DashboardSteps s) {
        return s.all(By.cssSelector("table#hosts tbody tr[data-host]")).stream().map(e -> e.getAttribute(
                "data-host")).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A simulated NTLM host on {@code address}, named by it, answering a little slowly (progress to watch). */
    private static HostSpec host(String address, int port, HostFacts facts) {
        return HostSpec.of(address, address, port, HostSpec.Auth.NTLM, DashboardService.USER,
                DashboardService.PASSWORD.toCharArray(), EvidenceFacts.renamed(facts, address))
                .withLatency(Duration.ofMillis(300));
    }
}
