package io.breakpoint.identity.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The MSP admin sets an engineer's skills, shifts and capacity, and a co-managed clinic's IT-first categories. */
class RoutingPagesTest extends DemoServerTest {

    private WebSession admin() {
        return WebSession.signIn(url(""), "msp.admin@gateway.demo", PASSWORD);
    }

    @Test
    void theAdminSeesAndChangesAnEngineersRoutingWithClearMessagesForBadInput() {
        WebSession admin = admin();
        String devon = admin.get("/admin/users").link("Devon Reyes");
        Page page = admin.get(devon);
        assertThat(page.text()).contains("Automatic routing").contains("Most open tickets at once");
        assertThat(page.html()).containsPattern("id=\"skill-PRINTING_SCANNING\"[^>]*checked")
                .doesNotContainPattern("id=\"skill-SECURITY_INCIDENT\"[^>]*checked")
                .containsPattern("name=\"starts-MONDAY\"[^>]*value=\"07:00\"");

        Page bad = admin.post(devon + "/routing", "skills", "PRINTING_SCANNING", "timeZone", "America/Chicago",
                "capacity", "lots", "starts-MONDAY", "07:00");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldError("capacity")).contains("whole number");
        assertThat(bad.fieldError("shifts")).contains("On Monday give both the start and the end");
        assertThat(bad.html()).as("what was typed comes back").containsPattern("name=\"capacity\"[^>]*value=\"lots\"");

        Page unknownZone = admin.post(devon + "/routing", "skills", "PRINTING_SCANNING", "timeZone", "Chicago", "capacity", "8");
        assertThat(unknownZone.status()).isEqualTo(400);
        assertThat(unknownZone.fieldError("timeZone")).contains("Unknown time zone");

        Page saved = admin.post(devon + "/routing", "skills", "PRINTING_SCANNING", "skills", "PHONES_TELEPHONY",
                "timeZone", "America/Denver", "capacity", "8", "starts-SATURDAY", "22:00", "ends-SATURDAY", "06:00");
        assertThat(saved.status()).isEqualTo(302);
        Page after = admin.follow(saved);
        assertThat(after.text()).contains("Routing of Devon Reyes saved.");
        assertThat(after.html()).containsPattern("id=\"skill-PHONES_TELEPHONY\"[^>]*checked")
                .doesNotContainPattern("id=\"skill-ACCOUNT_ACCESS\"[^>]*checked")
                .containsPattern("name=\"starts-SATURDAY\"[^>]*value=\"22:00\"")
                .doesNotContainPattern("name=\"starts-MONDAY\"[^>]*value=\"07:00\"")
                .containsPattern("name=\"capacity\"[^>]*value=\"8\"");
    }

    @Test
    void onlyACoManagedOrganizationRoutesCategoriesToItsOwnItFirst() {
        WebSession admin = admin();
        Page orgs = admin.get("/admin/organizations");
        Page riverbend = admin.get(orgs.link("Riverbend Health"));
        assertThat(riverbend.text()).contains("Clinic IT first");
        assertThat(riverbend.html()).containsPattern("id=\"first-PRINTING_SCANNING\"[^>]*checked")
                .containsPattern("id=\"first-ENDPOINT_HARDWARE\"[^>]*checked")
                .doesNotContainPattern("id=\"first-ACCOUNT_ACCESS\"[^>]*checked");

        String lakeside = orgs.link("Lakeside Pediatrics");
        assertThat(admin.get(lakeside).text()).doesNotContain("Clinic IT first");
        Page refused = admin.post(lakeside + "/routing", "internalFirst", "PRINTING_SCANNING");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("not co-managed");
    }
}
