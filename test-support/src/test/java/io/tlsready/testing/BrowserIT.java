package io.tlsready.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

class BrowserIT {

    @Test
    void a_desktop_browser_runs_the_page_script_and_screenshots_the_whole_page(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<!DOCTYPE html><title>t</title><div id=tall style='height:3000px'>x</div>"
                + "<script>document.title='ran';document.getElementById('tall').textContent='script ran'</script>");
        try (Browser browser = Browser.desktop()) {
            browser.driver().get(page.toUri().toString());
            assertThat(browser.driver().getTitle()).isEqualTo("ran");
            assertThat(browser.driver().findElement(By.id("tall")).getText()).isEqualTo("script ran");
            BufferedImage shot = ImageIO.read(browser.screenshot("browser-it-desktop").toFile());
            assertThat(shot.getWidth()).isEqualTo(1280);
            assertThat(shot.getHeight()).as("the whole page, not the 900 px viewport").isGreaterThanOrEqualTo(3000);
        }
    }

    @Test
    void a_phone_browser_lays_pages_out_at_phone_width(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<!DOCTYPE html><meta name=viewport content='width=device-width, initial-scale=1'>"
                + "<title>t</title><p id=w></p><script>document.getElementById('w').textContent=innerWidth</script>");
        try (Browser browser = Browser.phone()) {
            browser.driver().get(page.toUri().toString());
            assertThat(browser.driver().findElement(By.id("w")).getText()).isEqualTo("390");
        }
    }
}
