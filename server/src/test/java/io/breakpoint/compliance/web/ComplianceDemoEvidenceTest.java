package io.breakpoint.compliance.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practice manager's compliance page on the demo: the evidence and the self-audit come from the desk's real
 * sources (device facts, segments, the diagnosis's recurring windows, sign-in, audit chain), each organization's own.
 */
class ComplianceDemoEvidenceTest extends DemoServerTest {

    @Test
    void riverbendsPageShowsItsOwnDevicesSharedNetworkAndAfternoonLag() {
        WebSession grant = WebSession.signIn(url(""), "pm.grant@riverbend.demo", PASSWORD);

        var page = grant.follow(grant.get("/compliance"));

        assertThat(page.status()).isEqualTo(200);
        String text = page.text();
        assertThat(text).containsPattern("[1-9][0-9]* of [0-9]+ devices run an operating system that no longer gets security updates");
        assertThat(text).contains("O'Fallon Satellite").contains("Guest Wi-Fi (guest)");
        assertThat(text).containsPattern("Yes: O'Fallon Satellite: .*weekdays 13:00–15:00");
        assertThat(text).contains("people of the organization sign in with a second factor");
        assertThat(text).doesNotContain("Lakeside Clinic:").doesNotContain("Not measured yet: the device registry");
    }
}
