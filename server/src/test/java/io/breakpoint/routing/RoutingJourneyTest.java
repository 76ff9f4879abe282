package io.breakpoint.routing;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.AccountSecurity;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.RoutingProfile;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.Clinics.Person;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import io.breakpoint.testing.TestTotp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.*;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routing through the real server: each test works in an organization of its own, with engineers who serve only
 * it, so the engineers of {@link Clinics} (no skills, no shifts: never routed) and other tests see no change.
 */
abstract class RoutingJourneyTest extends ApiTest {

    private static final String PRINTER = "PRINTING_SCANNING";

    @Autowired
    Administration admin;
    @Autowired
    AccountSecurity security;

    /** Every day, all day, in Chicago. */
    private static Map<DayOfWeek, RoutingProfile.Shift> always() {
        Map<DayOfWeek, RoutingProfile.Shift> s = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) s.put(d, new RoutingProfile.Shift(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        return s;
    }

    /** Only on the weekday three days from today in Chicago: off shift now. */
    private static Map<DayOfWeek, RoutingProfile.Shift> notToday() {
        DayOfWeek other = LocalDate.now(RoutingProfile.DEFAULT_ZONE).getDayOfWeek().plus(3);
        return Map.of(other, new RoutingProfile.Shift(LocalTime.of(7, 0), LocalTime.of(18, 0)));
    }

    /** A clinic of its own: organization, one site, one requester. */
    private final class Clinic {
        final UUID org, site;
        final String name;
        final Person requester;

        Clinic(boolean coManaged) {
            String n = "Routing Clinic " + UUID.randomUUID().toString().substring(0, 8);
            UUID[] made = new UUID[2];
            clinics.asMspAdmin(() -> made[0] = admin.createOrganization(n, coManaged));
            clinics.asMspAdmin(() -> made[1] = admin.createSite(made[0], "Clinic", "America/Chicago", Map.of(), Map.of()));
            org = made[0];
            site = made[1];
            name = n;
            requester = person("Rae Quinn", Role.REQUESTER, Set.of());
        }

        Person person(String name, Role role, Set<UUID> servedToo) {
            String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 6) + "@routing.test";
            Set<UUID> served = new HashSet<>(servedToo);
            served.add(org);
            UUID[] id = new UUID[1];
            clinics.asMspAdmin(() -> id[0] = admin.createPerson(new NewPerson(email, name, role,
                    role.isMspRole() ? null : org, role.isMspRole() ? null : site, role.isMspRole() ? served : Set.of(),
                    Clinics.PASSWORD)));
            // MSP staff and clinic IT sign in with the test authenticator (issue 5).
            if (role.isMspRole() || role == Role.INTERNAL_IT) clinics.asMspAdmin(() -> security.enrolMfa(id[0], TestTotp.SECRET));
            return new Person(id[0], email, role);
        }

        Person engineer(String name, Role role, List<String> skills, Map<DayOfWeek, RoutingProfile.Shift> shifts, int capacity) {
            Person p = person(name, role, Set.of());
            clinics.asMspAdmin(() -> admin.updateRoutingProfile(p.id(), skills, "America/Chicago", shifts, capacity));
            return p;
        }

        JsonNode printerTicket() {
            return opens(requester, aTicket().at(site).with("category", PRINTER)
                    .about("Front desk printer jammed, label printer will not print")
                    .describedAs("The printer at the front desk keeps jamming and the label printer prints nothing."));
        }
    }

    /** The ticket once routing has decided: assigned, or a desk note saying why it waits. */
    private JsonNode decided(JsonNode ticket) {
        String path = "/api/v1/tickets/" + id(ticket);
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode t = api.as(clinics.mspAdmin()).get(path).expect(200);
            boolean noted = t.path("entries").values().stream().anyMatch(e -> e.path("kind").asString().equals("NOTE")
                    && e.path("actorId").isNull());
            if (!t.path("assignee").isNull() || noted) return t;
            if (System.nanoTime() > until) throw new AssertionError("routing decided nothing for " + path + ": " + t);
            sleep();
        }
    }

    private JsonNode assigned(JsonNode ticket) {
        String path = "/api/v1/tickets/" + id(ticket);
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode t = api.as(clinics.mspAdmin()).get(path).expect(200);
            if (!t.path("assignee").isNull()) return t;
            if (System.nanoTime() > until) throw new AssertionError("never assigned: " + t);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String assignee(JsonNode t) {
        return t.path("assignee").path("id").asString(null);
    }

    private static JsonNode lastDeskEntry(JsonNode t) {
        List<JsonNode> desk = t.path("entries").values().stream()
                .filter(e -> e.path("actorId").isNull() && List.of("ASSIGNED", "NOTE").contains(e.path("kind").asString()))
                .toList();
        return desk.get(desk.size() - 1);
    }

    @Test
    void aTicketGoesToTheLeastLoadedQualifiedEngineerOnShiftAndNeverToOneWhoCannotWorkIt() {
        Clinic c = new Clinic(false);
        Clinic elsewhere = new Clinic(false);
        Person ana = c.engineer("Ana Quist", Role.TIER1, List.of(PRINTER, "ACCOUNT_ACCESS"), always(), 10);
        Person bo = c.engineer("Bo Reed", Role.TIER1, List.of(PRINTER), always(), 10);
        List<UUID> never = new ArrayList<>();
        never.add(c.engineer("Aaron Noskill", Role.TIER1, List.of("ACCOUNT_ACCESS"), always(), 10).id());
        never.add(c.engineer("Aaron Offshift", Role.TIER1, List.of(PRINTER), notToday(), 10).id());
        never.add(c.engineer("Aaron Full", Role.TIER1, List.of(PRINTER), always(), 0).id());
        never.add(c.engineer("Aaron Tiertwo", Role.TIER2, List.of(PRINTER), always(), 10).id());
        never.add(elsewhere.engineer("Aaron Elsewhere", Role.TIER1, List.of(PRINTER), always(), 10).id());

        JsonNode first = decided(c.printerTicket());
        JsonNode second = decided(c.printerTicket());
        JsonNode third = decided(c.printerTicket());

        assertThat(first.path("tier").asInt()).isEqualTo(1);
        assertThat(first.path("category").asString()).isEqualTo(PRINTER);
        assertThat(List.of(assignee(first), assignee(second), assignee(third)))
                .as("tie by name, then the least loaded, then the tie again")
                .containsExactly(ana.id().toString(), bo.id().toString(), ana.id().toString());
        assertThat(lastDeskEntry(first).path("body").asString())
                .isEqualTo("Routed to Ana Quist: Tier 1, skill PRINTING_SCANNING, on shift, 0 of 10 open tickets");
        assertThat(lastDeskEntry(second).path("body").asString()).endsWith("Bo Reed: Tier 1, skill PRINTING_SCANNING, on shift, 0 of 10 open tickets");
        assertThat(lastDeskEntry(third).path("body").asString()).endsWith("1 of 10 open tickets");
        for (JsonNode t : List.of(first, second, third)) {
            assertThat(t.path("status").asString()).isEqualTo("IN_PROGRESS");
            assertThat(t.path("reassignments").asInt()).as("the first assignment is no pass").isZero();
            assertThat(never).doesNotContain(UUID.fromString(assignee(t)));
        }
        assertThat(jdbc.sql("select count(*) from audit_events where ticket_id = ? and action = 'TICKET_ROUTED' and channel = 'SYS' and actor_id is null")
                .param(id(first)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTicketStaysQueuedWhenNobodyIsFreeAndIsRoutedWhenSomeoneFreesUp() {
        Clinic c = new Clinic(false);
        Person ana = c.engineer("Ana Quist", Role.TIER1, List.of(PRINTER), always(), 1);
        c.engineer("Aaron Offshift", Role.TIER1, List.of(PRINTER), notToday(), 10);

        JsonNode first = decided(c.printerTicket());
        assertThat(assignee(first)).isEqualTo(ana.id().toString());

        JsonNode waiting = decided(c.printerTicket());
        assertThat(waiting.path("assignee").isNull()).isTrue();
        assertThat(waiting.path("status").asString()).isEqualTo("TRIAGED");
        assertThat(lastDeskEntry(waiting).path("body").asString())
                .isEqualTo("No Tier 1 engineer free for " + c.name + " (1 off shift, 1 at capacity): stays in the queue");
        assertThat(lastDeskEntry(waiting).path("visibility").asString()).isEqualTo("INTERNAL");

        api.as(ana).post("/api/v1/tickets/" + id(first) + "/resolve", Map.of("resolution", "Cleared the jam.")).expect(200);

        JsonNode routed = assigned(waiting);
        assertThat(assignee(routed)).isEqualTo(ana.id().toString());
        assertThat(lastDeskEntry(routed).path("body").asString()).startsWith("Routed to Ana Quist: Tier 1");
        assertThat(routed.path("reassignments").asInt()).isZero();
    }

    @Test
    void aCoManagedOrganizationsChosenCategoriesGoToItsOwnItFirst() {
        Clinic c = new Clinic(true);
        clinics.asMspAdmin(() -> admin.updateInternalFirstCategories(c.org, List.of(PRINTER)));
        Person hal = c.engineer("Hal Moss", Role.INTERNAL_IT, List.of(), always(), 5);
        Person ana = c.engineer("Ana Quist", Role.TIER1, List.of(PRINTER, "ACCOUNT_ACCESS"), always(), 10);

        JsonNode printer = decided(c.printerTicket());
        assertThat(assignee(printer)).isEqualTo(hal.id().toString());
        assertThat(lastDeskEntry(printer).path("body").asString())
                .isEqualTo("Routed to Hal Moss: clinic IT first for PRINTING_SCANNING at " + c.name + ", on shift, 0 of 5 open tickets");

        JsonNode locked = decided(opens(c.requester, aTicket().at(c.site).with("category", "ACCOUNT_ACCESS")
                .about("Locked out of my account, need a password reset")
                .describedAs("I typed my password wrong too many times and now my account is locked.")));
        assertThat(locked.path("category").asString()).isEqualTo("ACCOUNT_ACCESS");
        assertThat(assignee(locked)).as("not a category the clinic keeps").isEqualTo(ana.id().toString());
    }

    @Test
    void anEscalatedTicketIsRoutedInItsNewTierAndCountsOnlyTheEscalationAsAPass() {
        Clinic c = new Clinic(false);
        Person ana = c.engineer("Ana Quist", Role.TIER1, List.of(PRINTER), always(), 10);
        Person ben = c.engineer("Ben Ode", Role.TIER2, List.of(PRINTER), always(), 10);

        JsonNode t = decided(c.printerTicket());
        assertThat(assignee(t)).isEqualTo(ana.id().toString());
        api.as(ana).post("/api/v1/tickets/" + id(t) + "/escalate",
                Map.of("toTier", 2, "reason", "The print server itself drops jobs.")).expect(200);

        JsonNode escalated = assigned(t);
        assertThat(escalated.path("tier").asInt()).isEqualTo(2);
        assertThat(assignee(escalated)).isEqualTo(ben.id().toString());
        assertThat(lastDeskEntry(escalated).path("body").asString()).startsWith("Routed to Ben Ode: Tier 2, skill PRINTING_SCANNING");
        assertThat(escalated.path("reassignments").asInt()).isEqualTo(1);
    }

    @Test
    void theRoutingProfileAndPolicyRefuseWhatRoutingCannotUse() {
        Clinic c = new Clinic(false);
        Person ana = c.engineer("Ana Quist", Role.TIER1, List.of(PRINTER), always(), 10);
        clinics.asMspAdmin(() -> {
            assertThatThrownBy(() -> admin.updateRoutingProfile(ana.id(), List.of("PRINTERS"), "America/Chicago", always(), 10))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Unknown category");
            assertThatThrownBy(() -> admin.updateRoutingProfile(ana.id(), List.of(PRINTER), "Mars/Olympus", always(), 10))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Unknown time zone");
            assertThatThrownBy(() -> admin.updateRoutingProfile(ana.id(), List.of(PRINTER), "America/Chicago", always(), -1))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("from 0 to");
            assertThatThrownBy(() -> admin.updateRoutingProfile(c.requester.id(), List.of(PRINTER), "America/Chicago", always(), 5))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Only Tier 1–3 engineers");
            assertThatThrownBy(() -> admin.updateInternalFirstCategories(c.org, List.of(PRINTER)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not co-managed");
            assertThat(admin.routingProfile(ana.id()).skills()).containsExactly(PRINTER);
        });
    }

}

@OnH2
class RoutingJourneyOnH2Test extends RoutingJourneyTest {
}

@OnPostgres
class RoutingJourneyOnPostgresTest extends RoutingJourneyTest {
}
