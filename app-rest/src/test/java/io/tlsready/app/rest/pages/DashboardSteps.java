package io.tlsready.app.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.testing.Browser;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One browser walking the dashboard step by step: each step ends with a whole-page screenshot
 * {@code target/screenshots/PREFIX-NN-STEP.png} and a check that the page logged no console error; every wait is an
 * explicit wait on an element or attribute, and a wait that runs out fails naming a screenshot of the page as it was.
 */
final class DashboardSteps implements AutoCloseable {

    private static final int WAIT_SECONDS = 30;

    private final Browser browser;
    private final DashboardService service;
    private final String prefix;
    private int step;

    DashboardSteps(Browser browser, DashboardService service, String prefix) {
        this.browser = browser;
        this.service = service;
        this.prefix = prefix;
    }

    Browser browser() {
        return browser;
    }

    WebDriver driver() {
        return browser.driver();
    }

    /** Opens a page path ("/hosts?page=2") and waits until the element {@code ready} is there. */
    void open(String path, By ready) {
        driver().get(service.url(path));
        await("open " + path, ExpectedConditions.presenceOfElementLocated(ready));
    }

    /** Waits for a condition; when it runs out, a screenshot of the page and an assertion error naming it. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, WAIT_SECONDS, condition);
    }

    <T> T await(String what, int seconds, Function<WebDriver, T> condition) {
        try {
            return browser.waiting(seconds).until(condition::apply);
        } catch (TimeoutException e) {
            Path shot = browser.screenshot(String.format("%s-%02d-FAILED-%s", prefix, step + 1, what));
            throw new AssertionError("waited " + seconds + " s for: " + what + " at " + driver().getCurrentUrl()
                    + " (screenshot " + shot + ")", e);
        }
    }

    /**
     * Ends a step: the page's screenshot as {@code PREFIX-NN-name.png}, and no console errors since the last step
     * but those {@code expected} (substrings: e.g. the 401 the browser logs for a refused sign-in, which is the
     * answer the page means to give).
     */
    Path done(String name, String... expected) {
        Path shot = browser.screenshot(String.format("%s-%02d-%s", prefix, ++step, name));
        List<String> errors = browser.consoleErrors().stream()
                .filter(e -> Stream.of(expected).noneMatch(e::contains))
                .toList();
        assertThat(errors).as("console errors on %s (screenshot %s)", driver().getCurrentUrl(), shot).isEmpty();
        return shot;
    }

    /** The last screenshot's name, for assertion messages: "see PREFIX-NN-…". */
    String at() {
        return "after step " + prefix + "-" + String.format("%02d", step) + " at " + driver().getCurrentUrl();
    }

    WebElement find(By by) {
        return driver().findElement(by);
    }

    List<WebElement> all(By by) {
        return driver().findElements(by);
    }

    /** Signs in on /login with {@code token} and waits for the overview's navigation. */
    void signIn(String token) {
        open("/login", By.cssSelector("form#login"));
        find(By.id("token")).sendKeys(token);
        find(By.id("sign-in")).click();
        await("signed in (nav#top)", ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav#top")));
    }

    /** The session cookie's value as the browser holds it (HttpOnly cookies too); never printed. */
    String sessionId() {
        Cookie c = driver().manage().getCookieNamed(DashboardService.SESSION_COOKIE);
        assertThat(c).as("the session cookie %s", at()).isNotNull();
        return c.getValue();
    }

    /** True when the page is no wider than the viewport (no horizontal scrolling of the page body). */
    boolean fitsTheViewport() {
        Object fits = browser.script("return document.documentElement.scrollWidth <= window.innerWidth + 1");
        return Boolean.TRUE.equals(fits);
    }

    /** For messages: how wide the page is against the viewport. */
    String widths() {
        return browser.script("return document.documentElement.scrollWidth + ' px wide in a ' + window.innerWidth"
                + " + ' px viewport'").toString();
    }

    /** The numeric text of an element ("1,234" or "1234" → 1234). */
    static long number(WebElement e) {
        String digits = e.getText().replaceAll("[^0-9]", "");
        assertThat(digits).as("a number in <%s> %s", e.getTagName(), e.getText()).isNotEmpty();
        return Long.parseLong(digits);
    }

    @Override
    public void close() {
        browser.close();
    }
}
