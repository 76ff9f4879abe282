package io.breakpoint.incidents;

import io.breakpoint.identity.Administration;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.Clinics.Person;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Major incidents through the real server. Each test works in an organization of its own (two sites, requesters,
 * an engineer who serves only it), so tickets of other tests never make or join its bursts.
 */
abstract class MajorIncidentApiTest extends ApiTest {

    private static final String SLOW = "EMR is slow, charts take a minute to open";

    @Autowired
    Administration admin;

    private final class Clinic {
        final UUID org, north, south;
        final Person a, b, engineer;

        Clinic() {
            String n = "Incident Clinic " + UUID.randomUUID().toString().substring(0, 8);
            UUID[] made = new UUID[3];
            clinics.asMspAdmin(() -> made[0] = admin.createOrganization(n, false));
            clinics.asMspAdmin(() -> {
                made[1] = admin.createSite(made[0], "North Clinic", "America/Chicago", Map.of(), Map.of());
                made[2] = admin.createSite(made[0], "South Clinic", "America/Chicago", Map.of(), Map.of());
            });
            org = made[0];
            north = made[1];
            south = made[2];
            a = person("Rae Quinn", Role.REQUESTER, north);
            b = person("Tom Ash", Role.REQUESTER, south);
            engineer = person("Bea Tier", Role.TIER2, null);
        }

        Person person(String name, Role role, UUID site) {
            String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 6) + "@incidents.test";
            UUID[] id = new UUID[1];
            clinics.asMspAdmin(() -> id[0] = admin.createPerson(new NewPerson(email, name, role,
                    role.isMspRole() ? null : org, role.isMspRole() ? null : site, role.isMspRole() ? Set.of(org) : Set.of(),
                    Clinics.PASSWORD)));
            return new Person(id[0], email, role);
        }

        JsonNode slow(Person who, UUID site, int n) {
            return opens(who, aTicket().at(site).about(SLOW + " (" + n + ")")
                    .describedAs("Every chart takes forever to load in exam room " + n + ", the EMR is lagging."));
        }
    }

    @Test
    void fiveSlowEmrTicketsFromOneSiteInTenMinutesOpenOneIncidentOwnedAtTierTwo() {
        Clinic c = new Clinic();
        List<UUID> ids = new ArrayList<>();
        for (int n = 1; n <= 5; n++) ids.add(id(c.slow(c.a, c.north, n)));

        JsonNode incident = incidentOf(ids.get(4));
        assertThat(incident.path("status").asString()).isEqualTo("OPEN");
        assertThat(incident.path("category").asString()).isEqualTo("EMR_PERFORMANCE");
        assertThat(incident.path("tier").asInt()).isEqualTo(2);
        assertThat(incident.path("siteName").asString()).isEqualTo("North Clinic");
        assertThat(incident.path("openedByDesk").asBoolean()).isTrue();
        JsonNode detail = api.as(c.engineer).get("/api/v1/incidents/" + incident.path("id").asString()).expect(200);
        assertThat(ticketIds(detail)).containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
        assertThat(detail.path("sites").values()).extracting(JsonNode::asString).containsExactly("North Clinic");
        assertThat(detail.path("requesters").values()).extracting(r -> r.path("name").asString()).containsExactly("Rae Quinn");

        // Every ticket's history says why, as the desk.
        for (UUID id : ids) {
            JsonNode t = api.as(c.engineer).get("/api/v1/tickets/" + id).expect(200);
            JsonNode note = t.path("entries").values().stream().filter(e -> e.path("kind").asString().equals("INCIDENT"))
                    .findFirst().orElseThrow(() -> new AssertionError("no incident entry on " + t));
            assertThat(note.path("actorId").isNull()).isTrue();
            assertThat(note.path("body").asString()).contains(incident.path("reference").asString())
                    .contains("5 EMR").contains("North Clinic").contains("10 minutes").contains("Owner:");
        }

        // A later one from the same site joins it; one from the other site does not.
        UUID sixth = id(c.slow(c.a, c.north, 6));
        assertThat(incidentOf(sixth).path("id").asString()).isEqualTo(incident.path("id").asString());
        UUID elsewhere = id(c.slow(c.b, c.south, 7));
        settle();
        assertThat(api.as(c.engineer).get("/api/v1/incidents").expect(200).values()).hasSize(1);
        assertThat(linkedTo(elsewhere)).isNull();
    }

    @Test
    void aBurstArrivingAllAtOnceEndsInOneIncidentWithEveryTicketLinkedOnceAndSaidSoInItsHistory() throws Exception {
        Clinic c = new Clinic();
        int burst = 24;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        List<UUID> ids;
        try {
            List<java.util.concurrent.Future<UUID>> sent = new ArrayList<>();
            for (int n = 1; n <= burst; n++) {
                int k = n;
                sent.add(pool.submit(() -> id(c.slow(k % 2 == 0 ? c.a : c.b, c.north, k))));
            }
            ids = new ArrayList<>();
            for (var f : sent) ids.add(f.get());
        } finally {
            pool.shutdown();
        }

        // Intake writes them in groups and detection takes each group at once: still one incident, every ticket in it.
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode incident, detail;
        while (true) {
            incident = incidentOf(ids.get(burst - 1));
            detail = api.as(c.engineer).get("/api/v1/incidents/" + incident.path("id").asString()).expect(200);
            if (ticketIds(detail).size() == burst || System.nanoTime() > until) break;
            sleep(100);
        }
        assertThat(api.as(c.engineer).get("/api/v1/incidents").expect(200).values()).hasSize(1);
        assertThat(ticketIds(detail)).containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
        String reference = incident.path("reference").asString();
        for (UUID id : ids) {
            JsonNode t = api.as(c.engineer).get("/api/v1/tickets/" + id).expect(200);
            List<JsonNode> notes = t.path("entries").values().stream().filter(e -> e.path("kind").asString().equals("INCIDENT")).toList();
            assertThat(notes).as("incident lines in the history of " + t.path("reference").asString()).hasSize(1);
            assertThat(notes.get(0).path("body").asString()).contains(reference);
        }
    }

    @Test
    void fourDoNotAndDifferentSitesDoNotCombineBelowTheOrganizationThreshold() {
        Clinic c = new Clinic();
        for (int n = 1; n <= 4; n++) c.slow(c.a, c.north, n);
        for (int n = 1; n <= 4; n++) c.slow(c.b, c.south, n);
        settle();
        assertThat(api.as(c.engineer).get("/api/v1/incidents").expect(200).values())
                .as("4 + 4 from two sites: below 5 per site and below 10 across the organization").isEmpty();
        // Two more, one per site: the fifth at North opens North's incident only.
        UUID fifth = id(c.slow(c.a, c.north, 5));
        JsonNode incident = incidentOf(fifth);
        assertThat(incident.path("siteName").asString()).isEqualTo("North Clinic");
        assertThat(incident.path("tickets").asInt()).isEqualTo(5);
    }

    @Test
    void engineersLinkAndUnlinkByHandAndTheHistorySaysWho() {
        Clinic c = new Clinic();
        JsonNode printer = opens(c.a, aTicket().at(c.north).about("Printer jammed").describedAs("Front desk printer jams."));
        JsonNode other = opens(c.b, aTicket().at(c.south).about("Fax is down").describedAs("The fax shows an error."));
        JsonNode declared = api.as(c.engineer).post("/api/v1/incidents",
                Map.of("title", "Front office devices down", "ticketIds", List.of(id(printer)))).expect(201);
        String path = "/api/v1/incidents/" + declared.path("incident").path("id").asString();
        assertThat(declared.path("incident").path("openedByDesk").asBoolean()).isFalse();

        JsonNode linked = api.as(c.engineer).post(path + "/tickets", Map.of("ticketId", id(other))).expect(200);
        assertThat(ticketIds(linked)).containsExactlyInAnyOrder(id(printer).toString(), id(other).toString());
        assertThat(api.as(c.engineer).post(path + "/tickets", Map.of("ticketId", id(other))).status())
                .as("linked already").isEqualTo(409);

        JsonNode unlinked = api.as(c.engineer).send("DELETE", path + "/tickets/" + id(other), null).expect(200);
        assertThat(ticketIds(unlinked)).containsExactly(id(printer).toString());
        JsonNode t = api.as(c.engineer).get("/api/v1/tickets/" + id(other)).expect(200);
        List<String> notes = t.path("entries").values().stream().filter(e -> e.path("kind").asString().equals("INCIDENT"))
                .map(e -> e.path("body").asString()).toList();
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).contains("Linked to major incident").contains("by Bea Tier");
        assertThat(notes.get(1)).contains("Unlinked from major incident").contains("by Bea Tier");

        // Requesters may not change incidents; bad input is a problem, not a 500.
        assertThat(api.as(c.a).post(path + "/tickets", Map.of("ticketId", id(other))).status()).isEqualTo(403);
        var bad = api.as(c.engineer).post(path + "/tickets", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(api.as(c.engineer).post("/api/v1/incidents", Map.of("title", "", "ticketIds", List.of())).status()).isEqualTo(400);
    }

    @Test
    void anEngineerHandsTheIncidentToAnotherWhoCanWorkItAndTheIncidentsHistorySaysSo() {
        Clinic c = new Clinic();
        List<UUID> ids = new ArrayList<>();
        for (int n = 1; n <= 5; n++) ids.add(id(c.slow(c.a, c.north, n)));
        JsonNode incident = incidentOf(ids.get(4));
        assertThat(incident.path("tier").asInt()).isEqualTo(2);
        String path = "/api/v1/incidents/" + incident.path("id").asString();
        Person colleague = c.person("Cal Moss", Role.TIER3, null);
        Person frontline = c.person("Fay Lund", Role.TIER1, null);
        Person elsewhere = new Clinic().engineer; // serves another organization only

        JsonNode handed = api.as(c.engineer).send("PUT", path + "/owner", Map.of("ownerId", colleague.id().toString(),
                "note", "Cal knows the EMR's database")).expect(200);
        assertThat(handed.path("incident").path("owner").path("name").asString()).isEqualTo("Cal Moss");
        List<JsonNode> history = handed.path("history").values().stream().toList();
        assertThat(history).extracting(h -> h.path("kind").asString()).containsExactly("OPENED", "OWNER_CHANGED");
        assertThat(history.get(1).path("text").asString()).contains("to Cal Moss by Bea Tier: Cal knows the EMR's database");
        assertThat(history.get(1).path("by").path("name").asString()).isEqualTo("Bea Tier");
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'INCIDENT_OWNER_CHANGED' and organization_id = ?")
                .param(c.org).query(Long.class).single()).isEqualTo(1);

        // The new owner must be able to work the incident: its tier or above, its organization.
        var tooLow = api.as(c.engineer).send("PUT", path + "/owner", Map.of("ownerId", frontline.id().toString()));
        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(tooLow.isProblem()).isTrue();
        assertThat(tooLow.body()).contains("Tier 2 or above");
        assertThat(api.as(c.engineer).send("PUT", path + "/owner", Map.of("ownerId", elsewhere.id().toString())).status())
                .isIn(400, 404);
        assertThat(api.as(c.engineer).send("PUT", path + "/owner", Map.of("ownerId", UUID.randomUUID().toString())).status()).isEqualTo(404);
        assertThat(api.as(c.engineer).send("PUT", path + "/owner", Map.of("ownerId", colleague.id().toString())).status())
                .as("owns it already").isEqualTo(409);
        var bad = api.as(c.engineer).send("PUT", path + "/owner", Map.of("ownerId", "not-a-uuid"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(api.as(c.engineer).send("PUT", path + "/owner", Map.of()).status()).isEqualTo(400);

        // Roles that cannot work it are refused, whatever they ask for.
        assertThat(api.as(c.a).send("PUT", path + "/owner", Map.of("ownerId", c.engineer.id().toString())).status()).isEqualTo(403);
        assertThat(api.as(frontline).send("PUT", path + "/owner", Map.of("ownerId", c.engineer.id().toString())).status())
                .as("Tier 1 does not hand a Tier 2 incident").isEqualTo(403);
        assertThat(api.as(c.engineer).get(path).expect(200).path("incident").path("owner").path("name").asString())
                .as("nothing changed by the refusals").isEqualTo("Cal Moss");

        // Back to Bea, by Cal; then the incident is resolved and its owner no longer changes.
        api.as(colleague).send("PUT", path + "/owner", Map.of("ownerId", c.engineer.id().toString())).expect(200);
        api.as(c.engineer).post(path + "/resolve", Map.of("resolution", "EMR index rebuilt.")).expect(200);
        assertThat(api.as(c.engineer).send("PUT", path + "/owner", Map.of("ownerId", colleague.id().toString())).status()).isEqualTo(409);
        assertThat(api.as(c.engineer).get(path).expect(200).path("history").values().stream().map(h -> h.path("kind").asString()).toList())
                .containsExactly("OPENED", "OWNER_CHANGED", "OWNER_CHANGED");
        assertThat(api.as(c.a).get(path).expect(200).path("history").isEmpty()).as("requesters do not read the desk's history").isTrue();
    }

    @Test
    void oneReplyReachesEveryRequesterAndResolvingTheIncidentResolvesEveryOpenTicket() {
        Clinic c = new Clinic();
        JsonNode one = opens(c.a, aTicket().at(c.north).about("Phones dead at North").describedAs("No dial tone on desk phones."));
        JsonNode two = opens(c.b, aTicket().at(c.south).about("Phones dead at South").describedAs("No dial tone at all."));
        JsonNode done = opens(c.b, aTicket().at(c.south).about("Voicemail light stuck").describedAs("The light stays on."));
        api.as(c.engineer).post("/api/v1/tickets/" + id(done) + "/resolve", Map.of("resolution", "Reset the light.")).expect(200);
        JsonNode declared = api.as(c.engineer).post("/api/v1/incidents",
                Map.of("title", "Phone carrier outage", "ticketIds", List.of(id(one), id(two)))).expect(201);
        String path = "/api/v1/incidents/" + declared.path("incident").path("id").asString();

        JsonNode replied = api.as(c.engineer).post(path + "/replies", Map.of("body", "The carrier is down; we are on it.")).expect(200);
        assertThat(replied.path("ticketsReached").asInt()).isEqualTo(2);
        for (Person requester : List.of(c.a, c.b)) {
            JsonNode mine = api.as(requester).get("/api/v1/tickets/" + id(requester == c.a ? one : two)).expect(200);
            assertThat(mine.path("entries").values()).anyMatch(e -> e.path("kind").asString().equals("REPLY")
                    && e.path("body").asString().equals("The carrier is down; we are on it."));
            assertThat(mine.path("firstResponseAt").isNull()).as("a human answered").isFalse();
        }

        JsonNode resolved = api.as(c.engineer).post(path + "/resolve", Map.of("resolution", "Carrier restored service.")).expect(200);
        assertThat(resolved.path("ticketsReached").asInt()).isEqualTo(2);
        assertThat(resolved.path("incident").path("incident").path("status").asString()).isEqualTo("RESOLVED");
        for (JsonNode t : List.of(one, two)) {
            JsonNode after = api.as(c.engineer).get("/api/v1/tickets/" + id(t)).expect(200);
            assertThat(after.path("status").asString()).isEqualTo("RESOLVED");
            assertThat(after.path("entries").values()).anyMatch(e -> e.path("kind").asString().equals("RESOLVED")
                    && e.path("body").asString().equals("Carrier restored service."));
        }
        assertThat(api.as(c.engineer).post(path + "/resolve", Map.of("resolution", "Again")).status()).isEqualTo(409);
        assertThat(api.as(c.engineer).get("/api/v1/incidents?status=OPEN").expect(200).values()).isEmpty();
    }

    @Test
    void anIncidentAcrossOrganizationsShowsEachReaderOnlyTheirOwnTickets() {
        Clinic c = new Clinic();
        Clinic d = new Clinic();
        JsonNode ours = opens(c.a, aTicket().at(c.north).about("EMR cloud unreachable").describedAs("EMR login page times out."));
        JsonNode theirs = opens(d.b, aTicket().at(d.south).about("EMR cloud unreachable too").describedAs("Secret Dsite words."));
        JsonNode declared = api.as(clinics.mspAdmin()).post("/api/v1/incidents",
                Map.of("title", "EMR vendor outage", "ticketIds", List.of(id(ours), id(theirs)))).expect(201);
        String path = "/api/v1/incidents/" + declared.path("incident").path("id").asString();

        // c's engineer, practice manager and requester see c's ticket and nothing of d's.
        Person pm = c.person("Pat Manager", Role.ORG_ADMIN, c.north);
        for (Person p : List.of(c.engineer, pm, c.a)) {
            JsonNode seen = api.as(p).get(path).expect(200);
            assertThat(ticketIds(seen)).as("%s", p.role()).containsExactly(id(ours).toString());
            assertThat(seen.toString()).doesNotContain(id(theirs).toString()).doesNotContain("Dsite").doesNotContain(d.south.toString())
                    .doesNotContain(d.b.id().toString());
            assertThat(api.as(p).get("/api/v1/incidents").expect(200).toString()).doesNotContain(id(theirs).toString());
        }
        // d's requester sees the incident through their own ticket, under a generic title (it was opened in c).
        JsonNode fromD = api.as(d.b).get(path).expect(200);
        assertThat(ticketIds(fromD)).containsExactly(id(theirs).toString());
        assertThat(fromD.toString()).doesNotContain("North Clinic").doesNotContain(c.org.toString()).doesNotContain("EMR vendor outage");
        // Another requester of c, without a ticket in it, does not see it at all.
        Person stranger = c.person("Sol Other", Role.REQUESTER, c.north);
        assertThat(api.as(stranger).get(path).status()).isEqualTo(404);
        // c's engineer does not serve d: replying to or resolving every ticket is refused, and nothing is written.
        assertThat(api.as(c.engineer).post(path + "/replies", Map.of("body", "Hi")).status()).isEqualTo(403);
        assertThat(api.as(c.engineer).post(path + "/resolve", Map.of("resolution", "Done")).status()).isEqualTo(403);
        assertThat(api.as(clinics.mspAdmin()).get("/api/v1/tickets/" + id(theirs)).expect(200).path("status").asString())
                .isNotEqualTo("RESOLVED");
    }

    // ----

    /** The incident the ticket was linked to, once detection (after the ticket's commit) has run. */
    private JsonNode incidentOf(UUID ticketId) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode found = linkedTo(ticketId);
            if (found != null) return found;
            if (System.nanoTime() > until) throw new AssertionError("ticket " + ticketId + " joined no incident");
            sleep(50);
        }
    }

    private JsonNode linkedTo(UUID ticketId) {
        for (JsonNode i : api.as(clinics.mspAdmin()).get("/api/v1/incidents").expect(200).values()) {
            JsonNode d = api.as(clinics.mspAdmin()).get("/api/v1/incidents/" + i.path("id").asString()).expect(200);
            if (ticketIds(d).contains(ticketId.toString())) return i;
        }
        return null;
    }

    /** Detection runs after commit on another thread: give it time to decide, for assertions that nothing happened. */
    private static void settle() {
        sleep(1500);
    }

    private static List<String> ticketIds(JsonNode detail) {
        return detail.path("tickets").values().stream().map(t -> t.path("id").asString()).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

@OnH2
class MajorIncidentApiOnH2Test extends MajorIncidentApiTest {
}

@OnPostgres
class MajorIncidentApiOnPostgresTest extends MajorIncidentApiTest {
}
