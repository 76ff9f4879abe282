package io.breakpoint.identity.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Practice managers set the self-service steps the desk quotes for account problems. */
class AccountHelpPagesTest extends DemoServerTest {

    @Autowired
    Directory directory;

    private UUID organization(String name) {
        Actor admin = directory.actorByEmail("msp.admin@gateway.demo").orElseThrow();
        return directory.organizations(admin).stream().filter(o -> o.name().equals(name))
                .map(OrganizationSummary::id).findFirst().orElseThrow();
    }

    @Test
    void aPracticeManagerChangesTheStepsOfTheirOwnOrganizationOnly() {
        UUID riverbend = organization("Riverbend Health");
        UUID lakeside = organization("Lakeside Pediatrics");
        WebSession grant = WebSession.signIn(url(""), "pm.grant@riverbend.demo", PASSWORD);

        assertThat(grant.get("/settings/account-help").text()).contains("Riverbend Health").contains("Wait 15 minutes");
        Page saved = grant.follow(grant.post("/settings/account-help", "text", "Call the front desk for a temporary code."));
        assertThat(saved.text()).contains("Self-service steps for Riverbend Health saved.");
        assertThat(directory.accountHelp(riverbend)).contains("Call the front desk for a temporary code.");

        // Another organization's id in the request changes nothing there: a practice manager has one organization.
        WebSession jones = WebSession.signIn(url(""), "pm.jones@lakeside.demo", PASSWORD);
        jones.get("/settings/account-help");
        jones.post("/settings/account-help?organizationId=" + riverbend, "text", "Lakeside text");
        assertThat(directory.accountHelp(riverbend)).contains("Call the front desk for a temporary code.");
        assertThat(directory.accountHelp(lakeside)).contains("Lakeside text");
    }

    @Test
    void tooLongStepsAreRefusedAndNothingChanges() {
        UUID riverbend = organization("Riverbend Health");
        WebSession grant = WebSession.signIn(url(""), "pm.grant@riverbend.demo", PASSWORD);
        var before = directory.accountHelp(riverbend);
        grant.get("/settings/account-help");
        Page refused = grant.post("/settings/account-help", "text", "x".repeat(2001));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("At most 2000 characters.");
        assertThat(directory.accountHelp(riverbend)).isEqualTo(before);
    }

    @Test
    void requestersAndEngineersMayNotChangeIt() {
        assertThat(WebSession.signIn(url(""), "dr.ellis@riverbend.demo", PASSWORD).get("/settings/account-help").status()).isEqualTo(403);
        assertThat(WebSession.signIn(url(""), "t1.ava@gateway.demo", PASSWORD).get("/settings/account-help").status()).isEqualTo(403);
    }
}
