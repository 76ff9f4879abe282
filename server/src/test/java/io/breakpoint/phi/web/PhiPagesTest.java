package io.breakpoint.phi.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PHI on the pages, over plain HTTP: the practice manager's policy page, the portal's warning and "Remove it for me",
 * a blocked submission, the flag engineers see in the queue and on the ticket, and the audit integrity page.
 */
class PhiPagesTest extends DemoServerTest {

    private static final String WITH_PHI = "Chart for Maria Gonzalez DOB 03/14/1962 won't open, MRN 00482913";
    private static final Pattern PORTAL_TICKET = Pattern.compile("/portal/tickets/([0-9a-f-]{36})");

    private WebSession as(String email) {
        return WebSession.signIn(url(""), email, PASSWORD);
    }

    @Test
    void thePortalWarnsAboutPhiAndRemovesItOnRequest() {
        WebSession ellis = as("dr.ellis@riverbend.demo");
        ellis.get("/portal/new");

        Page warning = ellis.post("/portal/new/phi", "subject", "Chart locked", "description", WITH_PHI);
        assertThat(warning.status()).isEqualTo(200);
        assertThat(warning.text()).contains("This looks like patient information: a patient's name, a date of birth and a medical record number.")
                .contains("Leave it in only if they need it").contains("Remove it for me");
        assertThat(ellis.post("/portal/new/phi", "subject", "Printer CNB3K52231 jams", "description", "Ticket BP-10234, Dr. Patel's room")
                .text()).isEmpty();

        // The reply box on a ticket gets the same warning (the policy applies when it is sent), without the offer.
        Page replyWarning = ellis.post("/portal/new/phi", "body", "Also " + WITH_PHI, "after", "0");
        assertThat(replyWarning.text()).contains("This looks like patient information").doesNotContain("Remove it for me");

        Page redacted = ellis.post("/portal/new/redact", "subject", "Chart locked", "description", WITH_PHI);
        assertThat(redacted.html()).contains("Chart for [patient&#39;s name removed] DOB [date of birth removed] won&#39;t open, "
                + "MRN [medical record number removed]").doesNotContain("00482913").contains("Patient information removed.");
    }

    @Test
    void theOrgAdminChoosesBlockAndThePortalRefusesPhiWithAPlainMessage() {
        WebSession grant = as("pm.grant@riverbend.demo");
        assertThat(grant.get("/settings/account-help").html()).contains("/settings/phi");
        Page policyPage = grant.get("/settings/phi");
        assertThat(policyPage.status()).isEqualTo(200);
        assertThat(policyPage.html()).contains("value=\"WARN\" checked");
        try {
            Page saved = grant.post("/settings/phi", "policy", "BLOCK");
            assertThat(saved.location()).endsWith("/settings/phi");
            assertThat(grant.follow(saved).text()).contains("Patient information policy for Riverbend Health: Refuse text with PHI.");

            WebSession ellis = as("dr.ellis@riverbend.demo");
            ellis.get("/portal/new");
            assertThat(ellis.post("/portal/new/phi", "subject", "Chart locked", "description", WITH_PHI).text())
                    .contains("Your organization does not allow patient information in tickets");
            Page refused = ellis.post("/portal/new", "subject", "Chart locked", "description", WITH_PHI);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.fieldError("description")).isEqualTo("The description holds a patient's name, a date of birth and a "
                    + "medical record number. Your organization does not allow patient information in tickets: remove it and send again.");
            assertThat(refused.html()).doesNotContain("redirect");

            assertThat(grant.post("/settings/phi", "policy", "EVERYTHING").status()).isEqualTo(400);
            assertThat(as("dr.ellis@riverbend.demo").get("/settings/phi").status()).isEqualTo(403);
        } finally {
            grant.get("/settings/phi");
            grant.post("/settings/phi", "policy", "WARN");
        }
    }

    @Test
    void engineersSeeTheFlagInTheQueueAndOnTheTicket() {
        WebSession ellis = as("dr.ellis@riverbend.demo");
        ellis.get("/portal/new");
        Page sent = ellis.post("/portal/new", "subject", "Chart won't open for a patient", "description", WITH_PHI);
        Matcher m = PORTAL_TICKET.matcher(sent.location());
        assertThat(m.find()).as(sent.location()).isTrue();
        String id = m.group(1);

        WebSession ben = as("t2.ben@gateway.demo");
        Page ticket = ben.get("/console/tickets/" + id);
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(ticket.text()).contains("Contains patient information: a patient's name, a date of birth and a medical record number");
        int tier = Integer.parseInt(ticket.text().replaceAll(".*?Tier (\\d) · Riverbend.*", "$1"));
        Page queue = ben.get("/console?tier=" + tier + "&q=" + "Chart%20won");
        assertThat(queue.html()).contains("Chart won&#39;t open for a patient").contains("class=\"badge phi\"");
    }

    @Test
    void theMspAdminSeesTheAuditChainIntact() {
        WebSession admin = as("msp.admin@gateway.demo");
        assertThat(admin.get("/audit").html()).contains("/audit/verify");
        Page verify = admin.get("/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.text()).contains("The audit chain is intact.").contains("records checked, from #1 to #")
                .contains("Kept for at least 6 years");
        assertThat(as("pm.grant@riverbend.demo").get("/audit/verify").status()).isEqualTo(403);
    }
}
