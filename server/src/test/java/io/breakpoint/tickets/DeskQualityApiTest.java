package io.breakpoint.tickets;

import io.breakpoint.identity.Administration;
import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.sla.internal.SlaTimers;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.Clinics.Person;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import io.breakpoint.tickets.TicketImport.*;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.*;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk metrics of issue 3 (SLA attainment per priority, breaches, routing and triage accuracy, major incidents,
 * by day and by hour) computed by the real server from a known set of tickets, in an organization of its own.
 */
abstract class DeskQualityApiTest extends ApiTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Autowired
    Administration admin;
    @Autowired
    TicketImport importer;
    @Autowired
    SlaTimers timers;

    @Test
    void figuresFromAKnownSetOfTickets() {
        String name = "Metrics Clinic " + UUID.randomUUID().toString().substring(0, 8);
        UUID[] made = new UUID[2];
        clinics.asMspAdmin(() -> made[0] = admin.createOrganization(name, false));
        clinics.asMspAdmin(() -> made[1] = admin.createSite(made[0], "Metrics Site", CHICAGO.getId(), weekdays(), Map.of()));
        UUID org = made[0], site = made[1];
        UUID requester = person("Rae Metrics", Role.REQUESTER, org, site);
        UUID eve = person("Eve One", Role.TIER1, org, null);
        UUID max = person("Max Two", Role.TIER2, org, null);

        LocalDate day = LocalDate.now(CHICAGO).minusDays(40);
        Instant nine = day.atTime(9, 0).atZone(CHICAGO).toInstant();
        Instant two = day.atTime(14, 0).atZone(CHICAGO).toInstant();
        Duration m = Duration.ofMinutes(1);
        List<UUID> ids = new ArrayList<>();
        clinics.asMspAdmin(() -> {
            // 1. P1 routed by the desk to Max, answered after a minute, resolved after 30: both promises kept.
            ids.add(importer.importTicket(new PastTicket(site, requester, "Whole clinic cannot open the EMR", "Down.",
                    Category.EMR_PERFORMANCE, Priority.P1, 2, Impact.WHOLE_SITE, nine, List.of(
                    new Assigned(nine.plus(m), null, max),
                    new Commented(nine.plus(m), max, "Looking now.", Visibility.PUBLIC, false),
                    new Resolved(nine.plus(m.multipliedBy(30)), max, "Restarted the interface.")))));
            // 2. P2 routed by the desk to Max, then passed to Eve; answered after 5 days, resolved after 6: both missed.
            ids.add(importer.importTicket(new PastTicket(site, requester, "Lab results not arriving", "HL7 stuck.",
                    Category.MEDICAL_DEVICE_INTEGRATION, Priority.P2, 2, Impact.PATIENTS_WAITING, nine.plus(m), List.of(
                    new Assigned(nine.plus(m.multipliedBy(2)), null, max),
                    new Assigned(nine.plus(m.multipliedBy(10)), eve, eve),
                    new Commented(nine.plus(Duration.ofDays(5)), eve, "Sorry for the wait.", Visibility.PUBLIC, false),
                    new Resolved(nine.plus(Duration.ofDays(6)), eve, "Fixed the feed.")))));
            // 3. P3 taken by Eve by hand, escalated by her (a person correcting triage's tier), resolved by Max: kept.
            ids.add(importer.importTicket(new PastTicket(site, requester, "Scanner slow", "Takes ages.",
                    Category.PRINTING_SCANNING, Priority.P3, 1, Impact.JUST_ME, nine.plus(m.multipliedBy(2)), List.of(
                    new Assigned(nine.plus(m.multipliedBy(2)), eve, eve),
                    new Commented(nine.plus(m.multipliedBy(3)), eve, "On it.", Visibility.PUBLIC, false),
                    new Escalated(nine.plus(m.multipliedBy(4)), eve, 2, "It is the document server, not the scanner."),
                    new Resolved(nine.plus(m.multipliedBy(10)), max, "Cleared the server queue.")))));
            // 4. P4 in the afternoon, never answered: both promises missed, and the timers record two breaches.
            ids.add(importer.importTicket(new PastTicket(site, requester, "Move a monitor", "Next week please.",
                    Category.SERVICE_REQUEST, Priority.P4, 1, Impact.JUST_ME, two, List.of())));
        });
        timers.sweep();
        // A major incident of ticket 4, opened and resolved now.
        JsonNode incident = api.as(clinics.mspAdmin()).post("/api/v1/incidents",
                Map.of("title", "Metrics incident", "ticketIds", List.of(ids.get(3)))).expect(201);
        api.as(clinics.mspAdmin()).post("/api/v1/incidents/" + incident.path("incident").path("id").asString() + "/resolve",
                Map.of("resolution", "Moved.")).expect(200);

        Instant from = day.atStartOfDay(CHICAGO).toInstant();
        Instant to = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode r = api.as(clinics.mspAdmin()).get("/api/v1/metrics/desk?organizationId=" + org + "&from=" + from + "&to=" + to).expect(200);

        // Fields from before stay.
        assertThat(r.path("overall").path("ticketsOpened").asLong()).isEqualTo(4);
        assertThat(r.path("overall").path("averageReassignments").asDouble()).isEqualTo(0.5);
        assertThat(r.path("targets").path("firstResponseSeconds").asDouble()).isEqualTo(90.0);

        Map<String, JsonNode> byPriority = new HashMap<>();
        r.path("slaByPriority").values().forEach(p -> byPriority.put(p.path("priority").asString(), p));
        assertAttainment(byPriority.get("P1").path("firstResponse"), 1, 0);
        assertAttainment(byPriority.get("P1").path("resolution"), 1, 0);
        assertAttainment(byPriority.get("P2").path("firstResponse"), 0, 1);
        assertAttainment(byPriority.get("P2").path("resolution"), 0, 1);
        assertAttainment(byPriority.get("P3").path("firstResponse"), 1, 0);
        assertAttainment(byPriority.get("P3").path("resolution"), 1, 0);
        assertAttainment(byPriority.get("P4").path("firstResponse"), 0, 1);
        assertAttainment(byPriority.get("P4").path("resolution"), 0, 1);
        assertThat(byPriority.get("P4").path("breaches").asLong()).isEqualTo(2);
        assertThat(byPriority.get("P1").path("breaches").asLong()).isZero();
        assertAttainment(r.path("firstResponseAttainment"), 2, 2);
        assertThat(r.path("firstResponseAttainment").path("rate").asDouble()).isEqualTo(0.5);
        assertAttainment(r.path("resolutionAttainment"), 2, 2);
        assertThat(r.path("overall").path("slaBreaches").asLong()).isEqualTo(2);

        assertThat(r.path("routing").path("routedAutomatically").asLong()).isEqualTo(2);
        assertThat(r.path("routing").path("neverReassigned").asLong()).isEqualTo(1);
        assertThat(r.path("routing").path("rate").asDouble()).isEqualTo(0.5);
        assertThat(r.path("triage").path("triaged").asLong()).isEqualTo(4);
        assertThat(r.path("triage").path("uncorrected").asLong()).isEqualTo(3);
        assertThat(r.path("triage").path("rate").asDouble()).isEqualTo(0.75);

        assertThat(r.path("incidents").path("opened").asLong()).isEqualTo(1);
        assertThat(r.path("incidents").path("resolved").asLong()).isEqualTo(1);
        assertThat(r.path("incidents").path("ticketsLinked").asLong()).isEqualTo(1);
        assertThat(r.path("incidents").path("averageMinutesToResolve").asDouble()).isLessThan(1.0);

        Map<String, JsonNode> days = new HashMap<>();
        r.path("byDay").values().forEach(s -> days.put(s.path("key").asString(), s));
        assertThat(days.get(day.toString()).path("ticketsOpened").asLong()).isEqualTo(4);
        assertThat(days.get(day.toString()).path("breaches").asLong()).isEqualTo(2);
        assertThat(days.get(LocalDate.now(CHICAGO).toString()).path("incidentsOpened").asLong()).isEqualTo(1);
        Map<String, JsonNode> hours = new HashMap<>();
        r.path("byHourOfDay").values().forEach(s -> hours.put(s.path("key").asString(), s));
        assertThat(hours.get("09").path("ticketsOpened").asLong()).isEqualTo(3);
        assertThat(hours.get("09").path("routing").path("rate").asDouble()).isEqualTo(0.5);
        assertAttainment(hours.get("09").path("firstResponse"), 2, 1);
        assertThat(hours.get("14").path("ticketsOpened").asLong()).isEqualTo(1);
        assertThat(hours.values().stream().mapToLong(h -> h.path("incidentsOpened").asLong()).sum()).isEqualTo(1);

        // Another organization's people never get these figures.
        assertThat(api.as(clinics.jones()).get("/api/v1/metrics/desk?organizationId=" + org).status()).isEqualTo(404);
    }

    private static void assertAttainment(JsonNode a, long met, long missed) {
        assertThat(a.path("met").asLong()).as("met in %s", a).isEqualTo(met);
        assertThat(a.path("missed").asLong()).as("missed in %s", a).isEqualTo(missed);
    }

    private UUID person(String name, Role role, UUID org, UUID site) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 6) + "@metrics.test";
        UUID[] id = new UUID[1];
        clinics.asMspAdmin(() -> id[0] = admin.createPerson(new NewPerson(email, name, role,
                role.isMspRole() ? null : org, role.isMspRole() ? null : site, role.isMspRole() ? Set.of(org) : Set.of(),
                Clinics.PASSWORD)));
        return id[0];
    }

    private static Map<DayOfWeek, ClinicCalendar.Hours> weekdays() {
        Map<DayOfWeek, ClinicCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(d, new ClinicCalendar.Hours(LocalTime.of(7, 30), LocalTime.of(17, 30)));
        }
        return hours;
    }
}

@OnH2
class DeskQualityApiOnH2Test extends DeskQualityApiTest {
}

@OnPostgres
class DeskQualityApiOnPostgresTest extends DeskQualityApiTest {
}
