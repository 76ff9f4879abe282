package io.breakpoint.sla.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.sla.internal.PolicyStore;
import io.breakpoint.tickets.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The MSP admin's SLA policy page and the tier lead flag on the people admin page. */
class SlaPolicyPagesTest extends DemoServerTest {

    @Autowired
    Directory directory;
    @Autowired
    PolicyStore policies;

    private UUID organization(String name) {
        Actor admin = directory.actorByEmail("msp.admin@gateway.demo").orElseThrow();
        return directory.organizations(admin).stream().filter(o -> o.name().equals(name))
                .map(OrganizationSummary::id).findFirst().orElseThrow();
    }

    @Test
    void theMspAdminChangesOnePriorityOfOneClientAndPutsItBack() {
        UUID lakeside = organization("Lakeside Pediatrics");
        WebSession admin = WebSession.signIn(url(""), "msp.admin@gateway.demo", PASSWORD);
        Page page = admin.get("/admin/sla-policies?organizationId=" + lakeside);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("SLA policies").contains("P4").contains("(default)");

        String path = "/admin/sla-policies/" + lakeside + "/P4";
        Page refused = admin.post(path, "firstClock", "CLINIC_TIME", "firstAmount", "soon", "resolutionClock", "CLINIC_DAYS",
                "resolutionAmount", "3", "tier1Clock", "CLINIC_TIME", "tier1Amount", "45", "tier2Clock", "CLINIC_DAYS", "tier2Amount", "1",
                "tier3Clock", "CLINIC_DAYS", "tier3Amount", "2", "onBreach", "TIER_LEAD");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("P4: Give a whole number (minutes).");
        assertThat(policies.overrides(lakeside)).isEmpty();

        Page saved = admin.follow(admin.post(path, "firstClock", "CLINIC_TIME", "firstAmount", "120", "resolutionClock", "CLINIC_DAYS",
                "resolutionAmount", "3", "tier1Clock", "CLINIC_TIME", "tier1Amount", "45", "tier2Clock", "CLINIC_DAYS", "tier2Amount", "1",
                "tier3Clock", "CLINIC_DAYS", "tier3Amount", "2", "onBreach", "UP_A_TIER"));
        assertThat(saved.text()).contains("P4 saved.").contains("(changed)");
        assertThat(policies.policy(lakeside).firstResponse().get(Priority.P4).describe()).isEqualTo("2 h of clinic time");
        assertThat(policies.policy(lakeside).tierTargets().get(Priority.P4).tier1().describe()).isEqualTo("45 min of clinic time");
        assertThat(policies.policy(lakeside).tierTargets().get(Priority.P4).tier3().describe()).isEqualTo("2 clinic days");

        Page reset = admin.follow(admin.post(path, "firstClock", "CLINIC_TIME", "firstAmount", "120", "resolutionClock", "CLINIC_DAYS",
                "resolutionAmount", "3", "tier1Clock", "CLINIC_TIME", "tier1Amount", "45", "tier2Clock", "CLINIC_DAYS", "tier2Amount", "1",
                "tier3Clock", "CLINIC_DAYS", "tier3Amount", "2", "onBreach", "UP_A_TIER", "reset", "true"));
        assertThat(reset.text()).contains("P4 is back to the default policy.");
        assertThat(policies.overrides(lakeside)).isEmpty();
    }

    @Test
    void onlyTheMspAdminSeesThePage() {
        WebSession engineer = WebSession.signIn(url(""), "t1.ava@gateway.demo", PASSWORD);
        assertThat(engineer.get("/admin/sla-policies").status()).isEqualTo(403);
        WebSession manager = WebSession.signIn(url(""), "pm.grant@riverbend.demo", PASSWORD);
        assertThat(manager.get("/admin/sla-policies").status()).isEqualTo(403);
    }

    @Test
    void theMspAdminFlagsATierLeadOnThePersonsPage() {
        UUID riverbend = organization("Riverbend Health");
        Actor ben = directory.actorByEmail("t2.ben@gateway.demo").orElseThrow();
        WebSession admin = WebSession.signIn(url(""), "msp.admin@gateway.demo", PASSWORD);
        assertThat(admin.get("/admin/users/" + ben.userId()).text()).contains("Leads Tier 2");

        Page saved = admin.follow(admin.post("/admin/users/" + ben.userId() + "/lead", "lead", "true"));
        assertThat(saved.text()).contains("now leads Tier 2.");
        assertThat(directory.tierLead(riverbend, 2)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(ben.userId()));

        admin.follow(admin.post("/admin/users/" + ben.userId() + "/lead"));
        assertThat(directory.tierLead(riverbend, 2)).isEmpty();
    }
}
