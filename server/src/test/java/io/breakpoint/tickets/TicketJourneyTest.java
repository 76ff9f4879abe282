package io.breakpoint.tickets;

import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics.Person;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The journey of issue 2 through the API: a requester submits, Tier 1 escalates, Tier 2 resolves. */
abstract class TicketJourneyTest extends ApiTest {

    private static final String NOTE = "HL7 listener on the interface engine was wedged; restarted it.";
    private static final String REASON = "Order interface errors: needs the EMR specialists.";

    @Test
    void requesterTierOneAndTierTwoWorkATicketToResolutionAndTheMetricsShowIt() {
        Person ellis = clinics.ellis(), ava = clinics.ava(), ben = clinics.ben();

        JsonNode opened = opens(ellis, aTicket().about("Cannot send lab orders from the EMR"));
        String path = "/api/v1/tickets/" + opened.path("id").asString();
        assertThat(opened.path("status").asString()).isEqualTo("TRIAGED");
        assertThat(opened.path("tier").asInt()).isEqualTo(1);
        assertThat(opened.path("siteId").asString()).as("the requester's own site").isEqualTo(clinics.chesterfield().toString());
        assertThat(opened.path("number").asLong()).isPositive();
        assertThat(opened.path("firstResponseAt").isNull()).isTrue();

        JsonNode queue = api.as(ava).get("/api/v1/tickets?tier=1&status=TRIAGED&order=QUEUE&limit=200").expect(200);
        assertThat(ids(queue)).contains(opened.path("id").asString());

        JsonNode taken = api.as(ava).post(path + "/assign", Map.of("assigneeId", ava.id())).expect(200);
        assertThat(taken.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(taken.path("assignee").path("id").asString()).isEqualTo(ava.id().toString());
        assertThat(taken.path("reassignments").asInt()).as("taking from the queue is no pass").isZero();

        JsonNode replied = api.as(ava).post(path + "/comments", Map.of("body", "Looking into it now.", "visibility", "PUBLIC")).expect(201);
        assertThat(replied.path("firstResponseAt").isNull()).isFalse();

        JsonNode escalated = api.as(ava).post(path + "/escalate", Map.of("toTier", 2, "reason", REASON)).expect(200);
        assertThat(escalated.path("tier").asInt()).isEqualTo(2);
        assertThat(escalated.path("assignee").isNull()).isTrue();
        assertThat(escalated.path("reassignments").asInt()).isEqualTo(1);

        api.as(ben).post(path + "/assign", Map.of("assigneeId", ben.id())).expect(200);
        api.as(ben).post(path + "/comments", Map.of("body", NOTE, "visibility", "INTERNAL")).expect(201);
        JsonNode resolved = api.as(ben).post(path + "/resolve",
                Map.of("resolution", "Restarted the order interface; orders go through again.")).expect(200);
        assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("reassignments").asInt()).as("Ben took it from the Tier 2 queue").isEqualTo(1);

        var seen = api.as(ellis).get(path);
        JsonNode mine = seen.expect(200);
        assertThat(mine.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(kinds(mine)).contains("REPLY", "RESOLVED").doesNotContain("NOTE", "ESCALATED");
        assertThat(mine.path("entries").values()).allMatch(e -> e.path("visibility").asString().equals("PUBLIC"));
        assertThat(seen.body()).doesNotContain(NOTE).doesNotContain(REASON).contains("orders go through again");

        var list = api.as(ellis).get("/api/v1/tickets");
        assertThat(ids(list.expect(200))).contains(opened.path("id").asString());
        assertThat(list.body()).doesNotContain(NOTE).doesNotContain(REASON);

        JsonNode reopened = api.as(ellis).post(path + "/comments", Map.of("body", "Orders fail again since noon.")).expect(201);
        assertThat(reopened.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.path("resolvedAt").isNull()).isTrue();
        assertThat(kinds(reopened)).endsWith("REOPENED", "REPLY");

        Instant created = Instant.parse(opened.path("createdAt").asString()).truncatedTo(ChronoUnit.MILLIS);
        Instant firstResponse = Instant.parse(replied.path("firstResponseAt").asString());
        JsonNode metrics = api.as(clinics.grant()).get("/api/v1/metrics/desk?organizationId=" + clinics.riverbend()
                + "&from=" + created + "&to=" + created.plusMillis(1)).expect(200);
        JsonNode overall = metrics.path("overall");
        assertThat(overall.path("ticketsOpened").asLong()).isEqualTo(1);
        assertThat(overall.path("averageReassignments").asDouble()).isEqualTo(1.0);
        assertThat(overall.path("ticketsWithFirstResponse").asLong()).isEqualTo(1);
        double measured = Duration.between(Instant.parse(opened.path("createdAt").asString()), firstResponse).toMillis() / 1000.0;
        assertThat(overall.path("averageFirstResponseSeconds").asDouble()).isCloseTo(measured, org.assertj.core.data.Offset.offset(0.06));
        JsonNode tierTwo = metrics.path("byTier").get(1);
        assertThat(tierTwo.path("tier").asInt()).isEqualTo(2);
        assertThat(tierTwo.path("figures").path("ticketsOpened").asLong()).as("counted in the tier it is in now").isEqualTo(1);
    }

    @Test
    void requesterNeverSeesInternalNotes() {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Label printer prints blank labels"));
        String path = "/api/v1/tickets/" + id(t);
        String note = "Internal: requester's printer is on the guest VLAN " + UUID.randomUUID();
        api.as(clinics.ava()).post(path + "/comments", Map.of("body", note, "visibility", "INTERNAL")).expect(201);

        assertThat(api.as(clinics.ava()).get(path).body()).as("desk staff see it").contains(note);
        assertThat(api.as(clinics.ellis()).get(path).body()).doesNotContain(note);
        assertThat(api.as(clinics.ellis()).get("/api/v1/tickets?q=printer").body()).doesNotContain(note);
        assertThat(api.as(clinics.grant()).get(path).body()).as("nor do practice managers").doesNotContain(note);
    }

    @Test
    void requestersCannotWriteInternalNotes() {
        JsonNode t = opens(clinics.ellis(), aTicket());
        var r = api.as(clinics.ellis()).post("/api/v1/tickets/" + id(t) + "/comments",
                Map.of("body", "psst", "visibility", "INTERNAL"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void requesterSeesOnlyTheirOwnTickets() {
        JsonNode foxes = opens(clinics.fox(), aTicket().about("Badge tap-in fails at nurses' station"));
        assertThat(api.as(clinics.ellis()).get("/api/v1/tickets/" + id(foxes)).status()).isEqualTo(404);
        assertThat(ids(api.as(clinics.ellis()).get("/api/v1/tickets?limit=200").expect(200)))
                .doesNotContain(foxes.path("id").asString());
        assertThat(api.as(clinics.grant()).get("/api/v1/tickets/" + id(foxes)).status()).as("their practice manager may").isEqualTo(200);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").values().forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }

    static List<String> kinds(JsonNode ticket) {
        List<String> kinds = new ArrayList<>();
        ticket.path("entries").values().forEach(e -> kinds.add(e.path("kind").asString()));
        return kinds;
    }
}

@OnH2
class TicketJourneyOnH2Test extends TicketJourneyTest {
}

@OnPostgres
class TicketJourneyOnPostgresTest extends TicketJourneyTest {
}
