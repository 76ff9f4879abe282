package io.breakpoint.sla;

import io.breakpoint.sla.internal.SlaTimers;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketImport;
import io.breakpoint.tickets.TicketImport.Commented;
import io.breakpoint.tickets.TicketImport.PastTicket;
import io.breakpoint.tickets.TicketImport.Resolved;
import io.breakpoint.tickets.TicketImport.Step;
import io.breakpoint.tickets.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA attainment per priority, in a week of February 2019 that no other test uses. */
abstract class SlaMetricsTest extends ApiTest {

    static final String WEEK = "from=2019-02-04T00:00:00Z&to=2019-02-11T00:00:00Z";

    @Autowired
    TicketImport imports;
    @Autowired
    SlaTimers timers;

    @Test
    void attainmentIsTheShareOfTicketsThatMetTheirDueTimesPerPriority() {
        Instant monday = chicago("2019-02-04T10:00");
        Instant tuesday = chicago("2019-02-05T10:00");
        imported(Priority.P2, monday, List.of(reply(monday.plus(Duration.ofMinutes(2))), resolved(monday.plus(Duration.ofHours(2)))));
        imported(Priority.P2, tuesday, List.of(reply(tuesday.plus(Duration.ofMinutes(20))), resolved(tuesday.plus(Duration.ofDays(1)))));
        imported(Priority.P3, tuesday, List.of());
        timers.sweep();

        JsonNode report = api.as(clinics.grant()).get("/api/v1/metrics/sla?" + WEEK + "&organizationId=" + clinics.riverbend()).expect(200);

        JsonNode p2 = report.path("byPriority").get(1);
        assertThat(p2.path("priority").asString()).isEqualTo("P2");
        assertThat(p2.path("tickets").asLong()).isEqualTo(2);
        assertThat(p2.path("firstResponse").path("rate").asDouble()).isEqualTo(0.5);
        assertThat(p2.path("resolution").path("met").asLong()).isEqualTo(1);
        assertThat(p2.path("resolution").path("missed").asLong()).isEqualTo(1);
        JsonNode p3 = report.path("byPriority").get(2);
        assertThat(p3.path("firstResponse").path("missed").asLong()).isEqualTo(1);
        assertThat(p3.path("resolution").path("rate").asDouble()).isEqualTo(0.0);
        assertThat(p3.path("breaches").asLong()).isEqualTo(2);
        assertThat(report.path("byPriority").get(0).path("firstResponse").path("rate").isNull()).isTrue();
    }

    @Test
    void theDashboardAndTheSlaReportGiveTheSameFigures() {
        Instant wednesday = chicago("2019-02-13T10:00"); // the week after the other test's
        imported(Priority.P2, wednesday, List.of(reply(wednesday.plus(Duration.ofMinutes(3))), resolved(wednesday.plus(Duration.ofHours(30)))));
        imported(Priority.P4, wednesday, List.of(reply(wednesday.plus(Duration.ofMinutes(90)))));
        timers.sweep();

        String query = "from=2019-02-11T00:00:00Z&to=2019-02-18T00:00:00Z&organizationId=" + clinics.riverbend();
        JsonNode sla = api.as(clinics.grant()).get("/api/v1/metrics/sla?" + query).expect(200).path("byPriority");
        JsonNode desk = api.as(clinics.grant()).get("/api/v1/metrics/desk?" + query).expect(200).path("slaByPriority");
        assertThat(sla).hasSize(4);
        for (int p = 0; p < 4; p++) {
            JsonNode a = sla.get(p), b = desk.get(p);
            assertThat(a.path("priority").asString()).isEqualTo(b.path("priority").asString());
            assertThat(a.path("tickets").asLong()).isEqualTo(b.path("tickets").asLong());
            assertThat(a.path("breaches").asLong()).isEqualTo(b.path("breaches").asLong());
            for (String clock : List.of("firstResponse", "resolution")) {
                assertThat(a.path(clock)).as(a.path("priority").asString() + " " + clock).isEqualTo(b.path(clock));
            }
        }
        assertThat(sla.get(1).path("tickets").asLong()).as("something to compare").isPositive();
    }

    @Test
    void anotherOrganizationsAttainmentIsNotFound() {
        api.as(clinics.grant()).get("/api/v1/metrics/sla?organizationId=" + clinics.lakeside()).expect(404);
    }

    @Test
    void requestersSeeNoAttainment() {
        api.as(clinics.ellis()).get("/api/v1/metrics/sla").expect(403);
    }

    private void imported(Priority priority, Instant opened, List<Step> steps) {
        clinics.asMspAdmin(() -> imports.importTicket(new PastTicket(clinics.chesterfield(), clinics.ellis().id(),
                "Fax not sending (" + priority + ")", "Referrals stay in the fax queue.", Category.PRINTING_SCANNING,
                priority, 1, null, opened, steps)));
    }

    private Step reply(Instant at) {
        return new Commented(at, clinics.ava().id(), "Looking at it now.", Visibility.PUBLIC, false);
    }

    private Step resolved(Instant at) {
        return new Resolved(at, clinics.ava().id(), "Cleared the fax queue.");
    }

    private static Instant chicago(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("America/Chicago")).toInstant();
    }
}

@OnH2
class SlaMetricsOnH2Test extends SlaMetricsTest {
}

@OnPostgres
class SlaMetricsOnPostgresTest extends SlaMetricsTest {
}
