package io.breakpoint.sla;

import io.breakpoint.sla.internal.SlaTimers;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketImport;
import io.breakpoint.tickets.TicketImport.PastTicket;
import io.breakpoint.tickets.TicketImport.StatusChanged;
import io.breakpoint.tickets.TicketImport.Step;
import io.breakpoint.tickets.TicketStatus;
import io.breakpoint.tickets.TicketEvents.TicketEscalated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA clocks pause in the waiting states, warn at 75%, and record and escalate breaches once. */
@ExtendWith(PublishedEventsExtension.class)
abstract class SlaClocksTest extends ApiTest {

    @Autowired
    TicketImport imports;
    @Autowired
    SlaTimers timers;

    @Test
    void anAroundTheClockTicketWaitingOnTheRequesterForTwoHoursIsDueTwoHoursLater() {
        UUID id = id(opens(clinics.ellis(), aTicket().about("Whole clinic cannot reach the EMR")));
        api.as(clinics.ava()).post("/api/v1/tickets/" + id + "/classification", Map.of("priority", "P1")).expect(200);
        api.as(clinics.ava()).post("/api/v1/tickets/" + id + "/status", Map.of("status", "WAITING_ON_REQUESTER")).expect(200);
        assertThat(pausedClocks(id)).containsExactlyInAnyOrder("FIRST_RESPONSE", "RESOLUTION");
        JsonNode before = api.as(clinics.ava()).get("/api/v1/tickets/" + id).expect(200);
        // Two hours of waiting, without waiting two hours: the pause is back-dated.
        jdbc.sql("update sla_pauses set paused_since = ? where ticket_id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(2))), id).update();

        api.as(clinics.ellis()).post("/api/v1/tickets/" + id + "/comments", Map.of("body", "It works again after a restart.")).expect(201);

        JsonNode after = api.as(clinics.ava()).get("/api/v1/tickets/" + id).expect(200);
        assertThat(after.path("status").asString()).isEqualTo("IN_PROGRESS");
        for (String due : List.of("firstResponseDueAt", "resolutionDueAt")) {
            Duration moved = Duration.between(instant(before.path("sla").path(due)), instant(after.path("sla").path(due)));
            assertThat(moved).isBetween(Duration.ofHours(2), Duration.ofHours(2).plusMinutes(1));
        }
        JsonNode last = lastEntry(after);
        assertThat(last.path("kind").asString()).isEqualTo("SLA_SET");
        assertThat(last.path("body").asString()).startsWith("Clocks paused while waiting on requester from ");
        assertThat(pausedClocks(id)).isEmpty();
        assertThat(jdbc.sql("select channel from audit_events where ticket_id = ? and action = 'TICKET_SLA_SET'")
                .param(id).query(String.class).list()).containsExactly("SYS");
    }

    @Test
    void aMissedFirstResponseOfAP2IsRecordedOnceAndEscalatesOneTierOnce() {
        UUID id = imported(Priority.P2, 1, Duration.ofDays(10));

        timers.sweep();
        timers.sweep();

        assertThat(recorded(id)).containsExactlyInAnyOrder("FIRST_RESPONSE_BREACH", "RESOLUTION_BREACH");
        assertThat(jdbc.sql("select escalated from sla_events where ticket_id = ? and kind = 'FIRST_RESPONSE_BREACH'")
                .param(id).query(Boolean.class).single()).isTrue();
        JsonNode t = api.as(clinics.ava()).get("/api/v1/tickets/" + id).expect(200);
        assertThat(t.path("tier").asInt()).isEqualTo(2);
        assertThat(kinds(t, "SLA_BREACH")).hasSize(2);
        List<JsonNode> escalations = kinds(t, "ESCALATED");
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).path("body").asString()).matches("SLA breach: first response due .*\\d\\d:\\d\\d passed");
        assertThat(jdbc.sql("select channel from audit_events where ticket_id = ? and action = 'TICKET_ESCALATED'")
                .param(id).query(String.class).list()).containsExactly("SYS");
    }

    @Test
    void aBreachAndAWarningArePublishedAsEventsWithTheEscalation(PublishedEvents events) {
        UUID id = imported(Priority.P1, 1, Duration.ofMinutes(210));

        timers.sweep();

        assertThat(events.ofType(SlaBreached.class).matching(e -> e.ticketId().equals(id)))
                .singleElement().satisfies(e -> {
                    assertThat(e.clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
                    assertThat(e.escalated()).isTrue();
                });
        assertThat(events.ofType(SlaWarned.class).matching(e -> e.ticketId().equals(id)))
                .singleElement().satisfies(e -> assertThat(e.clock()).isEqualTo(SlaClock.RESOLUTION));
        assertThat(events.ofType(TicketEscalated.class).matching(e -> e.ticketId().equals(id)))
                .singleElement().satisfies(e -> assertThat(e.toTier()).isEqualTo(2));
    }

    @Test
    void atThreeQuartersOfTheTimeTheDeskWarnsOnce() {
        // P1: first response 2 min (missed), resolution 4 h around the clock, 3.5 h gone.
        UUID id = imported(Priority.P1, 1, Duration.ofMinutes(210));

        timers.sweep();
        timers.sweep();

        assertThat(recorded(id)).containsExactlyInAnyOrder("FIRST_RESPONSE_BREACH", "RESOLUTION_WARNING");
        JsonNode t = api.as(clinics.ava()).get("/api/v1/tickets/" + id).expect(200);
        assertThat(kinds(t, "SLA_WARNING")).singleElement()
                .satisfies(e -> assertThat(e.path("body").asString()).startsWith("SLA warning: 75% of the time for resolution has passed"));
        assertThat(t.path("tier").asInt()).isEqualTo(2);
    }

    @Test
    void aBreachInTierThreeIsRecordedWithoutEscalation() {
        UUID id = imported(Priority.P1, 3, Duration.ofDays(1));
        timers.sweep();
        assertThat(recorded(id)).containsExactlyInAnyOrder("FIRST_RESPONSE_BREACH", "RESOLUTION_BREACH");
        assertThat(api.as(clinics.ava()).get("/api/v1/tickets/" + id).expect(200).path("tier").asInt()).isEqualTo(3);
    }

    @Test
    void aTicketWaitingOnTheRequesterNeitherWarnsNorBreaches() {
        UUID id = imported(Priority.P3, 1, Duration.ofDays(10), TicketStatus.WAITING_ON_REQUESTER);
        timers.sweep();
        assertThat(recorded(id)).isEmpty();
    }

    @Test
    void aP3MissIsRecordedButNotEscalatedByDefault() {
        UUID id = imported(Priority.P3, 1, Duration.ofDays(10));
        timers.sweep();
        assertThat(recorded(id)).containsExactlyInAnyOrder("FIRST_RESPONSE_BREACH", "RESOLUTION_BREACH");
        assertThat(api.as(clinics.ava()).get("/api/v1/tickets/" + id).expect(200).path("tier").asInt()).isEqualTo(1);
    }

    private UUID imported(Priority priority, int tier, Duration ago, TicketStatus... status) {
        Instant opened = Instant.now().minus(ago);
        List<Step> steps = new ArrayList<>();
        for (TicketStatus s : status) steps.add(new StatusChanged(opened.plusSeconds(30), clinics.ava().id(), s));
        UUID[] id = new UUID[1];
        clinics.asMspAdmin(() -> id[0] = imports.importTicket(new PastTicket(clinics.chesterfield(), clinics.ellis().id(),
                "Label printer jams (" + priority + ", " + ago + " ago)", "The wristband printer at intake jams.",
                Category.PRINTING_SCANNING, priority, tier, null, opened, steps)));
        return id[0];
    }

    private List<String> recorded(UUID id) {
        return jdbc.sql("select kind from sla_events where ticket_id = ?").param(id).query(String.class).list();
    }

    private List<String> pausedClocks(UUID id) {
        return jdbc.sql("select clock from sla_pauses where ticket_id = ?").param(id).query(String.class).list();
    }

    private static List<JsonNode> kinds(JsonNode ticket, String kind) {
        List<JsonNode> found = new ArrayList<>();
        ticket.path("entries").values().forEach(e -> {
            if (e.path("kind").asString().equals(kind)) found.add(e);
        });
        return found;
    }

    private static JsonNode lastEntry(JsonNode ticket) {
        JsonNode last = null;
        for (JsonNode e : ticket.path("entries").values()) last = e;
        return last;
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }
}

@OnH2
class SlaClocksOnH2Test extends SlaClocksTest {
}

@OnPostgres
class SlaClocksOnPostgresTest extends SlaClocksTest {
}
