package io.breakpoint;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
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
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium for browser tests against a {@link DemoServerTest} server: sign in, open a page, wait, and save a
 * screenshot of every step under target/screenshots as {@code <name>-<step>-<what>.png}. Skips the test class when
 * /usr/bin/chromium or /usr/bin/chromedriver is missing. Close it after the class.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final Function<String, String> url;
    private final String name;
    private WebDriverWait wait;
    private int step;

    private Browser(Function<String, String> url, String name) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed.");
        Files.createDirectories(SHOTS);
        this.url = url;
        this.name = name;
        this.profile = Files.createTempDirectory("breakpoint-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 900));
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** A browser for one test class; {@code url} turns a path into the server's address. */
    public static Browser start(Function<String, String> url, String name) throws IOException {
        return new Browser(url, name);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public void signIn(String email, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().endsWith("/login"));
        if (driver.getCurrentUrl().contains("/login/mfa")) { // MSP staff and clinic IT: the authenticator step
            driver.findElement(By.id("code")).sendKeys(io.breakpoint.testing.TestTotp.nextCode(url.apply(""), email));
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
        }
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        shot("signed-in");
    }

    /** Opens the page, waits for it to load, checks it is not the error page, and saves a screenshot. */
    public void open(String path) {
        driver.get(url.apply(path));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(driver.getTitle()).doesNotContain("Something is not right");
        shot(path.replaceAll("\\?.*", "").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id").replaceAll("^/|/$", "").replace('/', '-'));
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public void shot(String what) {
        String file = String.format("%s-%02d-%s.png", name, ++step, what);
        try {
            Files.write(SHOTS.resolve(file), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
