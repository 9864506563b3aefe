package io.tlsready.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for page tests, driven by WebDriver: Debian's {@code chromium} and {@code chromium-driver}
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; {@code .ci/run} installs them), or the paths in
 * {@code TLSREADY_CHROMIUM} and {@code TLSREADY_CHROMEDRIVER}. A fresh profile per browser, no network of its own
 * (background networking, sync and updates off: this machine's network is closed). Screenshots land in
 * {@code target/screenshots/} of the module under test, named by the test, so a reviewer can look at each step.
 * Without the browser the calling test fails saying what to install, or is skipped when
 * {@code TLSREADY_SKIP_BROWSER=1}.
 */
public final class Browser implements AutoCloseable {

    /** The two widths pages are judged at: a desktop at 1280 px, and a phone (emulated: viewport, touch, DPR 2). */
    public enum Size {
        DESKTOP(1280, 900),
        PHONE(390, 844);

        public final int width;
        public final int height;

        Size(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private static final String SKIP = "TLSREADY_SKIP_BROWSER";

    private final ChromeDriver driver;
    private final Path profile;
    private final Size size;

    private Browser(ChromeDriver driver, Path profile, Size size) {
        this.driver = driver;
        this.profile = profile;
        this.size = size;
    }

    public static Browser desktop() {
        return start(Size.DESKTOP);
    }

    public static Browser phone() {
        return start(Size.PHONE);
    }

    public static Browser start(Size size) {
        Path chromium = Path.of(env("TLSREADY_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(env("TLSREADY_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            Assumptions.assumeFalse("1".equals(System.getenv(SKIP)), "no browser (" + SKIP + "=1)");
            fail("browser tests need Chromium and ChromeDriver: apt-get install chromium chromium-driver (or set "
                    + "TLSREADY_CHROMIUM / TLSREADY_CHROMEDRIVER, or " + SKIP + "=1 to skip); missing: "
                    + (Files.isExecutable(chromium) ? chromedriver : chromium));
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("tlsready-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=en-US",
                "--window-size=" + size.width + "," + size.height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (size == Size.PHONE) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", size.width, "height", size.height, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile, size);
    }

    public WebDriver driver() {
        return driver;
    }

    public Size size() {
        return size;
    }

    /** Waits up to {@code seconds} for a condition on the page (e.g. {@code ExpectedConditions}). */
    public WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * The whole page (not only the viewport) as {@code target/screenshots/NAME.png}, in the working directory of the
     * test (Maven runs each module's tests in the module). Returns the file.
     */
    public Path screenshot(String name) {
        Path dir = Path.of("target", "screenshots");
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(dir);
            Number width = (Number) script("return document.documentElement.scrollWidth");
            Number height = (Number) script("return Math.min(document.documentElement.scrollHeight, 16000)");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width",
                            Math.max(width.intValue(), size.width), "height", height.intValue(), "scale", 1)));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies screenshots into the project's {@code docs/} when the build is asked to ({@code -Dtlsready.docs.screenshots
     * =true}): the README's pictures are made by the tests, and an ordinary run leaves the tracked files alone.
     */
    public static void publish(Path screenshot, Path docsFile) {
        if (!Boolean.getBoolean("tlsready.docs.screenshots")) {
            return;
        }
        try {
            Files.createDirectories(docsFile.getParent());
            Files.copy(screenshot, docsFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a profile left in /tmp is harmless; the test's result is what matters
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The browser's console messages at SEVERE level, for tests that insist a page runs without script errors. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
    }
}
