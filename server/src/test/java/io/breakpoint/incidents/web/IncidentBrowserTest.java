package io.breakpoint.incidents.web;

import io.breakpoint.Browser;
import io.breakpoint.DemoServerTest;
import org.junit.jupiter.api.*;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engineer sees the demo's open major incident at Chesterfield Clinic in the console, opens it, answers every
 * requester at once and resolves it with one message; every linked ticket is then resolved and the requester reads
 * the message on their own ticket.
 */
@Tag("browser")
class IncidentBrowserTest extends DemoServerTest {

    private Browser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Browser.start(this::url, "incident");
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) browser.close();
    }

    @Test
    void anEngineerAnswersEveryoneAndResolvesTheIncidentFromItsPage() {
        browser.signIn("t2.ben@gateway.demo", PASSWORD);
        browser.open("/console");
        assertThat(browser.find(By.id("open-incidents-count")).getText()).isEqualTo("1");
        browser.find(By.cssSelector("header nav a[href$='/incidents']")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("open-incidents")));
        browser.shot("list");
        WebElement row = browser.find(By.cssSelector("#open-incidents tbody tr"));
        String listed = row.getText();
        assertThat(listed).contains("EMR performance at Chesterfield Clinic").contains("Ben Okafor");
        row.findElement(By.tagName("a")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("linked-tickets")));
        browser.shot("incident");
        List<WebElement> tickets = browser.driver().findElements(By.cssSelector("#linked-tickets tbody tr"));
        // The demo's five EMR tickets, and any one-click slowness report from Chesterfield that joined them.
        assertThat(tickets).hasSizeGreaterThanOrEqualTo(5);
        assertThat(listed).contains(String.valueOf(tickets.size()));
        assertThat(browser.find(By.id("incident-requesters")).getText()).contains("Dr. Maya Ellis").contains("Robin Cole").contains("Jamie Park");
        String firstTicket = tickets.get(0).findElement(By.tagName("a")).getAttribute("href");

        browser.find(By.id("incident-reply")).sendKeys("We see the EMR slowness at Chesterfield and are working on it.");
        browser.find(By.cssSelector("#incident-reply-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Reply sent to the requesters of " + tickets.size() + " tickets"));
        browser.shot("replied");

        browser.find(By.id("incident-resolution-text")).sendKeys("The clinic's WAN link was saturated by a backup job; moved it to the night.");
        browser.find(By.cssSelector("#incident-resolve-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-status"), "Resolved"));
        browser.shot("resolved");
        assertThat(browser.find(By.id("flash")).getText()).contains("Incident resolved with " + tickets.size() + " tickets");
        assertThat(browser.driver().findElements(By.cssSelector("#linked-tickets tbody tr")))
                .allSatisfy(r -> assertThat(r.getText()).contains("Resolved"));
        assertThat(browser.driver().findElements(By.id("incident-resolve-form"))).isEmpty();

        // The ticket page says which incident it belongs to, and shows the resolution.
        browser.driver().get(firstTicket);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-incident")));
        browser.shot("ticket");
        assertThat(browser.find(By.id("ticket-incident")).getText()).contains("EMR performance at Chesterfield Clinic").contains("(resolved)");
        assertThat(browser.find(By.id("ticket")).getText()).contains("moved it to the night");

        // The banner is gone, and the dashboard counts the incident with its time to resolve against the target.
        browser.open("/console");
        assertThat(browser.driver().findElements(By.id("open-incidents-count"))).isEmpty();
        browser.open("/dashboard?days=7");
        assertThat(browser.find(By.cssSelector("[data-metric='Major incidents'] .value")).getText()).isEqualTo("1");
        assertThat(browser.find(By.cssSelector("[data-metric='Time to resolve an incident']")).getText()).contains("✓ met");
        assertThat(browser.find(By.id("sla-by-priority")).getText()).contains("P1").contains("P4");
        assertThat(browser.driver().findElements(By.cssSelector("#by-day tbody tr"))).hasSizeGreaterThan(1);
        assertThat(browser.driver().findElements(By.cssSelector("#by-hour tbody tr svg"))).isNotEmpty();
        browser.driver().executeScript("document.getElementById('sla-by-priority').scrollIntoView()");
        browser.shot("dashboard-quality");
    }
}
