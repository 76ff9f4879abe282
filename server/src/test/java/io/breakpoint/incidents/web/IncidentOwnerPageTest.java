package io.breakpoint.incidents.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import io.breakpoint.identity.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handing the demo's major incident to another engineer from its page (decision 0025), and back, so the other page
 * tests still find Ben as its owner.
 */
class IncidentOwnerPageTest extends DemoServerTest {

    @Autowired
    Directory directory;

    @Test
    void anEngineerHandsTheIncidentToATierThreeColleagueWhoHandsItBack() {
        WebSession ben = WebSession.signIn(url(""), "t2.ben@gateway.demo", PASSWORD);
        String path = incidentPath(ben.get("/incidents"));
        UUID cara = directory.actorByEmail("t3.cara@gateway.demo").orElseThrow().userId();
        UUID benId = directory.actorByEmail("t2.ben@gateway.demo").orElseThrow().userId();

        Page page = ben.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Hand to another owner");
        String choices = page.html().substring(page.html().indexOf("id=\"incident-owner\""));
        choices = choices.substring(0, choices.indexOf("</select>"));
        assertThat(choices).contains("Cara Lindqvist (Tier 3)").contains("Ben Okafor (Tier 2)")
                .as("Tier 1 is not offered a Tier 2 incident").doesNotContain("Ava Torres");

        Page handed = ben.post(path + "/owner", "ownerId", cara.toString(), "note", "database side");
        assertThat(handed.status()).isEqualTo(200);
        assertThat(handed.text()).contains("Incident handed to Cara Lindqvist.").contains("Incident history")
                .contains("Handed from Ben Okafor to Cara Lindqvist by Ben Okafor: database side");

        Page bad = ben.post(path + "/owner", "ownerId", "someone");
        assertThat(bad.status()).isEqualTo(400);
        WebSession ava = WebSession.signIn(url(""), "t1.ava@gateway.demo", PASSWORD);
        assertThat(ava.post(path + "/owner", "ownerId", benId.toString()).status()).as("Tier 1 cannot work it").isEqualTo(403);

        WebSession caraSession = WebSession.signIn(url(""), "t3.cara@gateway.demo", PASSWORD);
        Page back = caraSession.post(path + "/owner", "ownerId", benId.toString());
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.text()).contains("Incident handed to Ben Okafor.");
    }

    private static String incidentPath(Page list) {
        Matcher m = Pattern.compile("href=\"(/incidents/[0-9a-f-]{36})\"").matcher(list.html());
        assertThat(m.find()).as("an incident on " + list.text()).isTrue();
        return m.group(1);
    }
}
