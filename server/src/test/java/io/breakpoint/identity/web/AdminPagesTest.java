package io.breakpoint.identity.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The MSP admin's pages for organizations, sites and people, driven through the real login and forms. */
class AdminPagesTest extends DemoServerTest {

    private WebSession signIn(String email) {
        return WebSession.signIn(url(""), email, PASSWORD);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Creates an organization through the page and answers its id. */
    private String createOrganization(WebSession admin, String name) {
        admin.get("/admin/organizations");
        Page created = admin.post("/admin/organizations", "name", name);
        assertThat(created.status()).isEqualTo(302);
        return created.location().substring(created.location().lastIndexOf('/') + 1);
    }

    @Test
    void mspAdminAddsAnOrganizationASiteWithHoursAndHolidaysAndARequesterWhoCanSignIn() {
        WebSession admin = signIn("msp.admin@gateway.demo");
        String orgName = unique("Oak Street Family Care");

        admin.get("/admin/organizations");
        Page created = admin.post("/admin/organizations", "name", orgName, "coManaged", "true");
        assertThat(created.status()).isEqualTo(302);
        Page org = admin.follow(created);
        assertThat(org.text()).contains("Organization " + orgName + " added.").contains("No sites yet");
        String orgId = created.location().substring(created.location().lastIndexOf('/') + 1);
        assertThat(admin.get("/admin/organizations").text()).contains(orgName);

        assertThat(admin.get("/admin/sites/new?organizationId=" + orgId + "&name=Chesterfield%20Clinic").text())
                .contains("New site").contains(orgName);
        Page siteSaved = admin.post("/admin/sites", "organizationId", orgId, "name", "Chesterfield Clinic",
                "timeZone", "America/Chicago",
                "opens-MONDAY", "08:00", "closes-MONDAY", "17:00", "opens-TUESDAY", "08:00", "closes-TUESDAY", "17:00",
                "opens-WEDNESDAY", "08:00", "closes-WEDNESDAY", "17:00", "opens-THURSDAY", "08:00", "closes-THURSDAY", "17:00",
                "opens-FRIDAY", "08:00", "closes-FRIDAY", "17:00", "opens-SATURDAY", "09:00", "closes-SATURDAY", "12:00",
                "holidays", "2026-12-25 Christmas Day\n\n2026-11-26   Thanksgiving Day\n");
        assertThat(siteSaved.status()).isEqualTo(302);
        Page afterSite = admin.follow(siteSaved);
        assertThat(afterSite.text()).contains("Site Chesterfield Clinic added.")
                .contains("Chesterfield Clinic America/Chicago Mon–Fri 08:00–17:00 · Sat 09:00–12:00");

        String sitePath = afterSite.link("Chesterfield Clinic");
        Page site = admin.get(sitePath);
        assertThat(site.html()).contains("2026-11-26 Thanksgiving Day\n2026-12-25 Christmas Day");

        Page edited = admin.post(sitePath, "organizationId", orgId, "name", "Chesterfield Clinic", "timeZone", "America/New_York",
                "opens-MONDAY", "07:30", "closes-MONDAY", "16:00", "holidays", "");
        assertThat(admin.follow(edited).text()).contains("Site Chesterfield Clinic saved.")
                .contains("Chesterfield Clinic America/New_York Mon 07:30–16:00");

        String siteId = sitePath.substring(sitePath.lastIndexOf('/') + 1);
        String email = "nora." + UUID.randomUUID().toString().substring(0, 6) + "@oakstreet.demo";
        admin.get("/admin/users/new?organizationId=" + orgId);
        Page person = admin.post("/admin/users", "displayName", "Nora Quinn", "email", email, "role", "REQUESTER",
                "organizationId", orgId, "siteId", siteId, "password", "a-long-enough-password");
        assertThat(person.status()).isEqualTo(302);
        assertThat(admin.follow(person).text()).contains("Account for Nora Quinn (" + email + ") created.");
        assertThat(admin.get("/admin/organizations/" + orgId).text())
                .contains("Nora Quinn " + email + " Clinic staff (requester) Chesterfield Clinic Active");
        assertThat(admin.get("/admin/users?organizationId=" + orgId).text()).contains(email).doesNotContain("msp.admin@gateway.demo");

        assertThat(WebSession.attemptSignIn(url(""), email, "a-long-enough-password").location()).doesNotContain("error");
    }

    @Test
    void mspAdminEditsAPersonAndSetsTheirPassword() {
        WebSession admin = signIn("msp.admin@gateway.demo");
        String orgId = createOrganization(admin, unique("Maple Dental"));
        String email = "front." + UUID.randomUUID().toString().substring(0, 6) + "@maple.demo";
        admin.get("/admin/users/new");
        Page created = admin.post("/admin/users", "displayName", "Sam Reyes", "email", email, "role", "REQUESTER",
                "organizationId", orgId, "password", "first-password-2026");
        String personPath = created.location();

        admin.get(personPath);
        Page saved = admin.post(personPath, "displayName", "Sam Reyes-Ortiz", "role", "ORG_ADMIN", "enabled", "true");
        assertThat(admin.follow(saved).text()).contains("Changes to Sam Reyes-Ortiz saved.");
        assertThat(admin.get("/admin/users?organizationId=" + orgId).text())
                .contains("Sam Reyes-Ortiz " + email + " Practice manager (org admin)");

        Page tooShort = admin.post(personPath + "/password", "password", "short");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.fieldError("newPassword")).isEqualTo("Use at least 12 characters.");

        Page set = admin.post(personPath + "/password", "password", "second-password-2026");
        assertThat(admin.follow(set).text()).contains("New password for Sam Reyes-Ortiz set.");
        assertThat(WebSession.attemptSignIn(url(""), email, "first-password-2026").location()).contains("error");
        assertThat(WebSession.attemptSignIn(url(""), email, "second-password-2026").location()).doesNotContain("error");

        admin.get(personPath);
        admin.post(personPath, "displayName", "Sam Reyes-Ortiz", "role", "ORG_ADMIN"); // "enabled" unticked
        assertThat(admin.get("/admin/users?organizationId=" + orgId).text()).contains(email + " Practice manager (org admin) Disabled");
        assertThat(WebSession.attemptSignIn(url(""), email, "second-password-2026").location()).contains("error");
    }

    @Test
    void badOrganizationAndSiteInputIsShownNextToTheFieldAndCreatesNothing() {
        WebSession admin = signIn("msp.admin@gateway.demo");
        String before = admin.get("/admin/organizations").text();

        Page blank = admin.post("/admin/organizations", "name", "   ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text()).contains("Nothing was saved.");
        assertThat(blank.fieldError("name")).isEqualTo("This field is required.");
        assertThat(admin.get("/admin/organizations").text()).isEqualTo(before);

        Page duplicate = admin.post("/admin/organizations", "name", "riverbend health");
        assertThat(duplicate.fieldError("name")).contains("already exists");

        String orgName = unique("Birch Pediatrics");
        String orgId = createOrganization(admin, orgName);
        admin.get("/admin/sites/new?organizationId=" + orgId);

        Page noName = admin.post("/admin/sites", "organizationId", orgId, "name", "", "timeZone", "America/Chicago",
                "opens-MONDAY", "08:00", "closes-MONDAY", "17:00");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.fieldError("name")).isEqualTo("This field is required.");

        Page badZone = admin.post("/admin/sites", "organizationId", orgId, "name", "North Clinic", "timeZone", "Mars/Olympus",
                "opens-MONDAY", "08:00", "closes-MONDAY", "17:00");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.fieldError("timeZone")).contains("Unknown time zone \"Mars/Olympus\"");
        assertThat(badZone.html()).contains("value=\"North Clinic\"");

        Page badHoursAndHolidays = admin.post("/admin/sites", "organizationId", orgId, "name", "North Clinic",
                "timeZone", "America/Chicago",
                "opens-MONDAY", "17:00", "closes-MONDAY", "08:00", "opens-TUESDAY", "08:00", "closes-TUESDAY", "",
                "holidays", "2026-12-25 Christmas Day\nDec 26 Boxing Day\n2026-02-30 Leap\n2026-07-04\n2026-12-25 Again");
        assertThat(badHoursAndHolidays.status()).isEqualTo(400);
        assertThat(badHoursAndHolidays.fieldError("hours-MONDAY")).isEqualTo("Monday: the clinic must open before it closes.");
        assertThat(badHoursAndHolidays.fieldError("hours-TUESDAY")).contains("enter both the opening and the closing time");
        assertThat(badHoursAndHolidays.fieldError("holidays"))
                .contains("Line 2 (\"Dec 26 Boxing Day\"): start with the date as YYYY-MM-DD")
                .contains("Line 3: 2026-02-30 is not a date in the calendar.")
                .contains("Line 4: add the holiday's name after 2026-07-04.")
                .contains("Line 5: 2026-12-25 is already listed on line 1.");
        assertThat(badHoursAndHolidays.html()).contains("Dec 26 Boxing Day"); // what was typed stays in the form

        assertThat(admin.get("/admin/organizations/" + orgId).text()).contains("No sites yet");
    }

    @Test
    void badPersonInputIsShownNextToTheFieldKeepsTheValuesAndCreatesNothing() {
        WebSession admin = signIn("msp.admin@gateway.demo");
        String email = "new." + UUID.randomUUID().toString().substring(0, 6) + "@riverbend.demo";
        admin.get("/admin/users/new");
        String riverbend = admin.get("/admin/users").html().replaceAll("(?s).*<option value=\"([0-9a-f-]{36})\">Riverbend Health</option>.*", "$1");

        Page shortPassword = admin.post("/admin/users", "displayName", "Olive Park", "email", email, "role", "REQUESTER",
                "organizationId", riverbend, "password", "short");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.fieldError("password")).isEqualTo("Use at least 12 characters.");
        assertThat(shortPassword.html()).contains("value=\"Olive Park\"").contains("value=\"" + email + "\"")
                .doesNotContain("value=\"short\"");

        Page duplicate = admin.post("/admin/users", "displayName", "Olive Park", "email", "dr.ellis@riverbend.demo",
                "role", "REQUESTER", "organizationId", riverbend, "password", "a-long-enough-password");
        assertThat(duplicate.fieldError("email")).isEqualTo("Someone with this email address already exists.");

        Page noOrganization = admin.post("/admin/users", "displayName", "Olive Park", "email", email, "role", "REQUESTER",
                "password", "a-long-enough-password");
        assertThat(noOrganization.fieldError("organizationId")).isEqualTo("Choose the organization this person works for.");

        Page noName = admin.post("/admin/users", "displayName", "", "email", email, "role", "TIER1",
                "password", "a-long-enough-password");
        assertThat(noName.fieldError("displayName")).isEqualTo("This field is required.");

        assertThat(admin.get("/admin/users").text()).doesNotContain(email);
        assertThat(WebSession.attemptSignIn(url(""), email, "a-long-enough-password").location()).contains("error");
    }

    @Test
    void aSiteCannotBeRenamedToAnotherSiteOfTheSameOrganization() {
        WebSession admin = signIn("msp.admin@gateway.demo");
        String orgId = createOrganization(admin, unique("Cedar Clinics"));
        for (String name : new String[]{"East Clinic", "West Clinic"}) {
            admin.get("/admin/sites/new?organizationId=" + orgId);
            assertThat(admin.post("/admin/sites", "organizationId", orgId, "name", name, "timeZone", "America/Denver").status())
                    .isEqualTo(302);
        }
        String west = admin.get("/admin/organizations/" + orgId).link("West Clinic");
        Page renamed = admin.post(west, "organizationId", orgId, "name", "east clinic", "timeZone", "America/Denver");
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.fieldError("name")).isEqualTo("This organization already has a site named \"east clinic\".");
        assertThat(admin.get("/admin/organizations/" + orgId).text())
                .contains("West Clinic America/Denver No clinic hours (closed every day)");
    }

    @Test
    void anAdminCannotDemoteOrDisableThemselves() {
        WebSession admin = signIn("msp.admin@gateway.demo");
        Page users = admin.get("/admin/users");
        String self = users.link("Morgan Price");
        admin.get(self);
        Page demoted = admin.post(self, "displayName", "Morgan Price", "role", "TIER1", "enabled", "true");
        assertThat(demoted.status()).isEqualTo(400);
        assertThat(demoted.fieldError("role")).contains("You cannot change your own role");
        Page disabled = admin.post(self, "displayName", "Morgan Price", "role", "MSP_ADMIN");
        assertThat(disabled.fieldError("enabled")).contains("disable your own account");
        assertThat(admin.get("/admin/users?organizationId=msp").text()).contains("msp.admin@gateway.demo MSP admin Active");
    }

    @Test
    void onlyMspAdminsReachTheAdminPages() {
        for (String email : new String[]{"pm.grant@riverbend.demo", "dr.ellis@riverbend.demo", "t1.ava@gateway.demo"}) {
            WebSession someone = signIn(email);
            for (String path : new String[]{"/admin/organizations", "/admin/users", "/admin/users/new"}) {
                Page page = someone.get(path);
                assertThat(page.status()).as(email + " " + path).isEqualTo(403);
                assertThat(page.text()).contains("Your role does not allow this.").doesNotContain("Lakeside");
            }
            Page post = someone.post("/admin/organizations", "name", unique("Sneaky Clinic"));
            assertThat(post.status()).as(email + " POST").isEqualTo(403);
        }
        assertThat(signIn("msp.admin@gateway.demo").get("/admin/organizations").text()).doesNotContain("Sneaky Clinic");
    }
}
