package io.breakpoint.tickets.web;

import io.breakpoint.Browser;
import io.breakpoint.DemoServerTest;
import org.junit.jupiter.api.*;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's PHI warning in headless Chromium: while a requester types a patient's name and date of birth the
 * warning appears (htmx, no inline script), "Remove it for me" replaces them with markers, the warning gives way to
 * a note, and the ticket is sent without them. Screenshots under target/screenshots (phi-*.png).
 */
@Tag("browser")
class PhiWarningBrowserTest extends DemoServerTest {

    private Browser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Browser.start(this::url, "phi");
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) browser.close();
    }

    @Test
    void thePortalWarnsBeforeSendingAndRemovesThePhiOnRequest() {
        ChromeDriver driver = browser.driver();
        browser.signIn("dr.ellis@riverbend.demo", PASSWORD);

        browser.open("/portal/new");
        driver.findElement(By.id("subject")).sendKeys("Chart locked");
        assertThat(driver.findElements(By.id("phi-alert"))).isEmpty();
        driver.findElement(By.id("description")).sendKeys("Can't open the chart for Maria Gonzalez DOB 03/14/1962, Epic says locked");

        WebElement alert = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("phi-alert")));
        browser.shot("warning");
        assertThat(alert.getText()).contains("This looks like patient information: a patient's name and a date of birth.")
                .contains("Leave it in only if they need it to help you.");

        driver.findElement(By.id("phi-redact")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("phi-removed")));
        browser.shot("removed");
        assertThat(driver.findElement(By.id("description")).getAttribute("value"))
                .isEqualTo("Can't open the chart for [patient's name removed] DOB [date of birth removed], Epic says locked");
        assertThat(driver.findElements(By.id("phi-alert"))).isEmpty();

        driver.findElement(By.cssSelector("form button[type=submit].primary")).click();
        browser.await().until(ExpectedConditions.urlContains("/portal/tickets/"));
        browser.shot("sent");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("[patient's name removed]").doesNotContain("Gonzalez");
    }
}
