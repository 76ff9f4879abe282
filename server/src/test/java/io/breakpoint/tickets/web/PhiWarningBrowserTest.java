package io.breakpoint.tickets.web;

import io.breakpoint.DemoServerTest;
import org.junit.jupiter.api.*;
import org.openqa.selenium.*;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's PHI warning in headless Chromium: while a requester types a patient's name and date of birth the
 * warning appears (htmx, no inline script), "Remove it for me" replaces them with markers, the warning gives way to
 * a note, and the ticket is sent without them. Screenshots under target/screenshots (phi-*.png).
 */
@Tag("browser")
class PhiWarningBrowserTest extends DemoServerTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static ChromeDriver driver;
    private static Path profile;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed.");
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("breakpoint-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build(), options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) driver.quit();
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void thePortalWarnsBeforeSendingAndRemovesThePhiOnRequest() {
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("dr.ellis@riverbend.demo");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(url("/portal/new"));
        driver.findElement(By.id("subject")).sendKeys("Chart locked");
        assertThat(driver.findElements(By.id("phi-alert"))).isEmpty();
        driver.findElement(By.id("description")).sendKeys("Can't open the chart for Maria Gonzalez DOB 03/14/1962, Epic says locked");

        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phi-alert")));
        shot("phi-warning");
        assertThat(alert.getText()).contains("This looks like patient information: a patient's name and a date of birth.")
                .contains("Leave it in only if they need it to help you.");

        driver.findElement(By.id("phi-redact")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phi-removed")));
        shot("phi-removed");
        assertThat(driver.findElement(By.id("description")).getAttribute("value"))
                .isEqualTo("Can't open the chart for [patient's name removed] DOB [date of birth removed], Epic says locked");
        assertThat(driver.findElements(By.id("phi-alert"))).isEmpty();

        driver.findElement(By.cssSelector("form button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains("/portal/tickets/"));
        shot("phi-sent");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("[patient's name removed]").doesNotContain("Gonzalez");
    }

    private void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
