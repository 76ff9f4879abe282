package io.breakpoint.audit.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import io.breakpoint.audit.AuditEvent;
import io.breakpoint.audit.AuditTrail;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit page: who may read it, what each admin sees, filters and paging. */
class AuditPageTest extends DemoServerTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    Directory directory;

    private WebSession signIn(String email) {
        return WebSession.signIn(url(""), email, PASSWORD);
    }

    private Actor actor(String email) {
        return directory.actorByEmail(email).orElseThrow();
    }

    private UUID organization(String name) {
        Actor admin = actor("msp.admin@gateway.demo");
        return directory.organizations(admin).stream().filter(o -> o.name().equals(name))
                .map(OrganizationSummary::id).findFirst().orElseThrow();
    }

    /** The MSP admin creates an account through the page; its email then appears in one audit event's detail. */
    private String createAccount(WebSession admin, String role, UUID organizationId) {
        String email = role.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@audit.demo";
        admin.get("/admin/users/new");
        Page created = admin.post("/admin/users", "displayName", "Audit Probe", "email", email, "role", role,
                "organizationId", organizationId == null ? "" : organizationId.toString(),
                "password", "a-long-enough-password");
        assertThat(created.status()).isEqualTo(302);
        return email;
    }

    @Test
    void orgAdminsOnlyEverSeeTheirOwnOrganizationsEvents() {
        UUID lakeside = organization("Lakeside Pediatrics");
        UUID riverbend = organization("Riverbend Health");
        WebSession msp = signIn("msp.admin@gateway.demo");
        String atLakeside = createAccount(msp, "REQUESTER", lakeside);
        String atRiverbend = createAccount(msp, "REQUESTER", riverbend);
        String atMsp = createAccount(msp, "TIER1", null);

        assertThat(msp.get("/audit").text()).contains(atLakeside).contains(atRiverbend).contains(atMsp);

        WebSession grant = signIn("pm.grant@riverbend.demo");
        Page own = grant.get("/audit");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text()).contains(atRiverbend).doesNotContain(atLakeside).doesNotContain(atMsp)
                .contains("Times and days are in America/Chicago");
        // Asking for another organization, or for what the MSP admin did, does not widen the view.
        assertThat(grant.get("/audit?organizationId=" + lakeside).text()).doesNotContain(atLakeside);
        assertThat(grant.get("/audit?user=msp.admin@gateway.demo").text()).contains(atRiverbend)
                .doesNotContain(atLakeside).doesNotContain(atMsp);

        assertThat(signIn("pm.jones@lakeside.demo").get("/audit").text()).contains(atLakeside)
                .doesNotContain(atRiverbend).doesNotContain(atMsp);

        // Below the page: every event the trail hands an org admin, through all pages, is their organization's.
        Actor grantActor = actor("pm.grant@riverbend.demo");
        List<AuditEvent> all = new ArrayList<>();
        Actors.runAs(grantActor, () -> {
            Long before = null;
            List<AuditEvent> page;
            do {
                page = audit.find(grantActor, new AuditTrail.Query(null, null, null, null, null, before, 100));
                all.addAll(page);
                before = page.isEmpty() ? null : page.get(page.size() - 1).id();
            } while (page.size() == 100);
            assertThat(audit.find(grantActor, new AuditTrail.Query(null, null, lakeside, null, null, null, 500))).isEmpty();
        });
        assertThat(all).isNotEmpty().allSatisfy(e -> assertThat(e.organizationId()).isEqualTo(riverbend));
    }

    @Test
    void filtersNarrowTheTrailAndOlderEventsArePaged() {
        WebSession msp = signIn("msp.admin@gateway.demo");
        String email = createAccount(msp, "REQUESTER", organization("Lakeside Pediatrics"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        Page mine = msp.get("/audit?user=msp.admin@gateway.demo&from=" + today + "&to=" + today);
        assertThat(mine.text()).contains(email).contains("Created an account").contains("Times and days are in UTC");
        assertThat(msp.get("/audit?user=pm.grant@riverbend.demo").text()).doesNotContain(email);
        assertThat(msp.get("/audit?from=" + tomorrow).text()).contains("No audit events match these filters.");
        assertThat(msp.get("/audit?user=nobody@nowhere.demo").text()).contains("No audit events match these filters.");

        Page bad = msp.get("/audit?ticketId=not-an-id&from=31/12/2026");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.fieldError("ticketId")).startsWith("This is not an id");
        assertThat(bad.fieldError("from")).isEqualTo("Use a date such as 2026-03-31.");

        // The demo's imported tickets give the trail more than one page.
        Page first = msp.get("/audit");
        String older = first.link("Older events");
        assertThat(older).contains("before=");
        Page second = msp.get(older);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text()).doesNotContain(email).contains("Newest");
        // The demo's newest events (sign-ins, incidents, telemetry, compliance) come first; its imports further back.
        for (int i = 0; i < 50 && !second.text().contains("Imported a ticket"); i++) second = msp.get(second.link("Older events"));
        assertThat(second.text()).contains("Imported a ticket").doesNotContain(email);

        // A ticket's reference links to all of that ticket's events.
        String ticketLink = second.html().replaceAll("(?s).*?Imported a ticket.*?href=\"(/audit\\?ticketId=[0-9a-f-]{36})\".*", "$1");
        Page ticket = msp.get(ticketLink);
        assertThat(ticket.text()).contains("Imported a ticket").doesNotContain(email);
    }

    @Test
    void onlyAdminsReadTheAuditPage() {
        for (String email : new String[]{"dr.ellis@riverbend.demo", "t1.ava@gateway.demo", "it.hale@riverbend.demo",
                "vcio.dan@gateway.demo"}) {
            Page page = signIn(email).get("/audit");
            assertThat(page.status()).as(email).isEqualTo(403);
            assertThat(page.text()).contains("Your role does not allow this.");
        }
    }
}
