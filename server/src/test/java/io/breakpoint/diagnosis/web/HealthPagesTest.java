package io.breakpoint.diagnosis.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The site health pages on the demo: each demo site shows the breakpoint its telemetry was built to show. */
class HealthPagesTest extends DemoServerTest {

    private WebSession as(String email) {
        return WebSession.signIn(url(""), email, PASSWORD);
    }

    private String link(Page page, String text, String prefix) {
        Matcher m = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[0-9a-f-]{36})\"[^>]*>" + Pattern.quote(text) + "<").matcher(page.html());
        assertThat(m.find()).as("a link to %s on the page", text).isTrue();
        return m.group(1);
    }

    @Test
    void eachDemoSiteShowsItsBreakpoint() {
        Page overview = as("t2.ben@gateway.demo").get("/health");

        assertThat(overview.status()).isEqualTo(200);
        String text = overview.text();
        assertThat(text).containsPattern("Chesterfield Clinic ENDPOINT Endpoint: CHES-FRONT-OLD is the bottleneck: CPU above 90%");
        assertThat(text).containsPattern("O'Fallon Satellite LOCAL NETWORK Local network: segment Clinical Wi-Fi");
        assertThat(text).contains("Lakeside Clinic WAN WAN:");
        assertThat(text).contains("Main Campus NONE No fault");
    }

    @Test
    void aSitePageShowsTheDiagnosisTheHeatMapsAndTheRecurringWindow() {
        WebSession ben = as("t2.ben@gateway.demo");
        String site = link(ben.get("/health"), "O'Fallon Satellite".replace("'", "&#39;"), "/health/sites/");

        Page page = ben.get(site);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("guest and clinical traffic share it")
                .contains("Gateway round trip slow on weekdays 13:00–15:00 for 4 weeks, during clinic hours (07:30–17:30)")
                .contains("Segment Clinical Wi-Fi").contains("Segment Front desk wired").contains("OFAL-EXAM-1");
        assertThat(page.html()).contains("<svg").contains("<rect").doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void theOldLaptopsPageShowsItsFactsChartsAndDiagnosis() {
        WebSession ben = as("t2.ben@gateway.demo");
        String site = link(ben.get("/health"), "Chesterfield Clinic", "/health/sites/");
        String device = link(ben.get(site), "CHES-FRONT-OLD", "/health/devices/");

        Page page = ben.get(device);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("ENDPOINT").contains("Dell Latitude E5440").contains("Intel Core i5-4300U (2 cores)")
                .contains("4 GB").contains("below the EMR's minimum").contains("Gateway round trip").contains("EMR transaction");
        assertThat(page.html()).contains("<polyline");
    }

    @Test
    void clinicStaffDoNotSeeSiteHealthAndOtherOrganizationsSitesAreNotFound() {
        assertThat(as("dr.ellis@riverbend.demo").get("/health").status()).isEqualTo(403);
        WebSession jones = as("pm.jones@lakeside.demo");
        assertThat(jones.get("/health").text()).contains("Lakeside Clinic").doesNotContain("Chesterfield");
        String chesterfield = link(as("t2.ben@gateway.demo").get("/health"), "Chesterfield Clinic", "/health/sites/");
        assertThat(jones.get(chesterfield).status()).isEqualTo(404);
    }

    @Test
    void theSlownessReportTicketCarriesTheDiagnosisOnItsPage() {
        WebSession ben = as("t2.ben@gateway.demo");
        Page console = ben.get("/console?q=slowness");
        Matcher m = Pattern.compile("href=\"(/console/tickets/[0-9a-f-]{36})\"[^>]*>[^<]*EMR is slow on LAKE-EXAM-1").matcher(console.html());
        assertThat(m.find()).as("the Lakeside report's ticket in the console: %s", console.text()).isTrue();
        Page ticket = ben.get(m.group(1));
        assertThat(ticket.text()).contains("Breakpoint diagnosis: WAN").contains("The clinic's internet link is saturated; we are on it.");
        String panel = ticket.html().replaceAll("(?s).*hx-get=\"(/health/tickets/[0-9a-f-]{36}/panel)\".*", "$1");
        assertThat(ben.get(panel).text()).contains("WAN").contains("Reporting device");
    }
}
