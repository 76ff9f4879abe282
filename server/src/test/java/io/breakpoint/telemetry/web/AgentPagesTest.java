package io.breakpoint.telemetry.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A practice manager sets up the agents of a clinic: codes shown once, revocable; segments; probe settings. */
class AgentPagesTest extends DemoServerTest {

    private static final Pattern CODE = Pattern.compile("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}");

    @Autowired
    Directory directory;

    private SiteSummary site(String organization) {
        Actor admin = directory.actorByEmail("msp.admin@gateway.demo").orElseThrow();
        var org = directory.organizations(admin).stream().filter(o -> o.name().equals(organization)).findFirst().orElseThrow();
        return directory.sites(admin, org.id()).get(0);
    }

    @Test
    void aPracticeManagerCreatesACodeThatIsShownOnceAndRevokesIt() {
        SiteSummary site = site("Riverbend Health");
        WebSession grant = WebSession.signIn(url(""), "pm.grant@riverbend.demo", PASSWORD);
        assertThat(grant.get("/agents").text()).contains(site.name());
        String path = "/sites/" + site.id() + "/agents";
        assertThat(grant.get(path).status()).isEqualTo(200);

        Page created = grant.follow(grant.post(path + "/codes", "label", "Exam rooms", "days", "3", "uses", "6"));
        Matcher m = CODE.matcher(created.text());
        assertThat(m.find()).as(created.text()).isTrue();
        assertThat(created.text()).contains("Copy it now").contains("Exam rooms").contains("0 of 6");
        Page again = grant.get(path);
        assertThat(again.text()).doesNotContain(m.group()).contains("Exam rooms");

        String revokeAction = again.html().replaceAll("(?s).*action=\"(/agents/codes/[^\"]+/revoke)\".*", "$1");
        Page revoked = grant.follow(grant.post(revokeAction));
        assertThat(revoked.text()).contains("Code revoked").contains("Revoked");
    }

    @Test
    void mistakesAreExplainedAndNothingIsSaved() {
        SiteSummary site = site("Riverbend Health");
        WebSession grant = WebSession.signIn(url(""), "pm.grant@riverbend.demo", PASSWORD);
        String path = "/sites/" + site.id() + "/agents";
        grant.get(path);
        Page bad = grant.post(path + "/segments", "name", "Guest Wi-Fi", "purpose", "GUEST", "cidrs", "192.168.50.0/40");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("Nothing was saved").contains("is not an address range");
        Page badDays = grant.post(path + "/codes", "days", "a week", "uses", "1");
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.text()).contains("whole number from 1 to 90");

        Page added = grant.follow(grant.post(path + "/segments", "name", "Clinical wired", "purpose", "CLINICAL", "cidrs", "10.20.0.0/16"));
        assertThat(added.text()).contains("Segment Clinical wired added").contains("10.20.0.0/16");
        Page saved = grant.follow(grant.post(path + "/probe-settings", "sampleEverySeconds", "30", "throughputEverySeconds", "900",
                "edgeHost", "10.20.0.1", "referenceHost", "1.1.1.1:443", "emrEndpoints", "https://emr.example.com/login"));
        assertThat(saved.text()).contains("Probe settings saved");
    }

    @Test
    void engineersCannotAndOtherOrganizationsSeeNothing() {
        SiteSummary riverbend = site("Riverbend Health");
        assertThat(WebSession.signIn(url(""), "t1.ava@gateway.demo", PASSWORD).get("/sites/" + riverbend.id() + "/agents").status()).isEqualTo(403);
        assertThat(WebSession.signIn(url(""), "pm.jones@lakeside.demo", PASSWORD).get("/sites/" + riverbend.id() + "/agents").status()).isEqualTo(404);
        assertThat(WebSession.signIn(url(""), "msp.admin@gateway.demo", PASSWORD).get("/admin/sites/" + riverbend.id()).text())
                .contains("Workstation agents");
    }
}
