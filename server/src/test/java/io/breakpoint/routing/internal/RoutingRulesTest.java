package io.breakpoint.routing.internal;

import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.RoutingCandidate;
import io.breakpoint.identity.RoutingProfile;
import io.breakpoint.identity.RoutingProfile.Shift;
import io.breakpoint.tickets.Category;
import org.junit.jupiter.api.Test;

import java.time.*;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** Who gets a ticket, with a fixed clock: Wednesday 25 November 2026, 10:00 in Chicago. */
class RoutingRulesTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, CHICAGO).toInstant(), ZoneOffset.UTC);
    private static final RoutingRules.Work PRINTER = new RoutingRules.Work("Riverbend Health", 1, Category.PRINTING_SCANNING);

    private final Map<UUID, Integer> load = new HashMap<>();

    private static Map<DayOfWeek, Shift> weekdays(int from, int to) {
        Map<DayOfWeek, Shift> s = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            s.put(d, new Shift(LocalTime.of(from, 0), LocalTime.of(to, 0)));
        }
        return s;
    }

    private RoutingCandidate engineer(String name, Role role, int open, int capacity, Map<DayOfWeek, Shift> shifts, Category... skills) {
        UUID id = UUID.randomUUID();
        load.put(id, open);
        Set<String> s = new HashSet<>();
        for (Category c : skills) s.add(c.name());
        return new RoutingCandidate(new PersonSummary(id, name + "@x.test", name, role, role.tier(), UUID.randomUUID(), null, true),
                new RoutingProfile(s, CHICAGO, shifts, capacity));
    }

    private RoutingRules.Choice choose(RoutingRules.Work work, Set<String> internalFirst, RoutingCandidate... candidates) {
        return RoutingRules.choose(work, List.of(candidates), internalFirst, load, CLOCK.instant());
    }

    @Test
    void theLeastLoadedQualifiedEngineerOnShiftGetsTheTicketWithTheReason() {
        RoutingCandidate ava = engineer("Ava Torres", Role.TIER1, 2, 10, weekdays(7, 18), Category.PRINTING_SCANNING);
        RoutingCandidate devon = engineer("Devon Reyes", Role.TIER1, 5, 10, weekdays(7, 18), Category.PRINTING_SCANNING);

        RoutingRules.Choice choice = choose(PRINTER, Set.of(), devon, ava);

        assertThat(choice.assigneeId()).isEqualTo(ava.person().id());
        assertThat(choice.reason()).isEqualTo("Routed to Ava Torres: Tier 1, skill PRINTING_SCANNING, on shift, 2 of 10 open tickets");
    }

    @Test
    void neverToOneWithoutTheSkillTheTierTheShiftOrRoom() {
        RoutingCandidate noSkill = engineer("No Skill", Role.TIER1, 0, 10, weekdays(7, 18), Category.ACCOUNT_ACCESS);
        RoutingCandidate tierTwo = engineer("Tier Two", Role.TIER2, 0, 10, weekdays(7, 18), Category.PRINTING_SCANNING);
        RoutingCandidate evening = engineer("Evening Shift", Role.TIER1, 0, 10, weekdays(14, 22), Category.PRINTING_SCANNING);
        RoutingCandidate full = engineer("Full Up", Role.TIER1, 3, 3, weekdays(7, 18), Category.PRINTING_SCANNING);
        RoutingCandidate clinicIt = engineer("Clinic It", Role.INTERNAL_IT, 0, 10, weekdays(7, 18), Category.PRINTING_SCANNING);

        RoutingRules.Choice choice = choose(PRINTER, Set.of(), noSkill, tierTwo, evening, full, clinicIt);

        assertThat(choice.routed()).isFalse();
        assertThat(choice.reason()).isEqualTo(
                "No Tier 1 engineer free for Riverbend Health (1 without skill PRINTING_SCANNING, 1 off shift, 1 at capacity): stays in the queue");
    }

    @Test
    void nobodyServingTheOrganizationLeavesItQueued() {
        assertThat(choose(PRINTER, Set.of()).reason())
                .isEqualTo("No Tier 1 engineer free for Riverbend Health (none serves it): stays in the queue");
    }

    @Test
    void aTicketWithoutCategoryWaitsForAHuman() {
        RoutingCandidate ava = engineer("Ava Torres", Role.TIER1, 0, 10, weekdays(7, 18), Category.PRINTING_SCANNING);
        RoutingRules.Choice choice = choose(new RoutingRules.Work("Riverbend Health", 1, null), Set.of(), ava);
        assertThat(choice.routed()).isFalse();
        assertThat(choice.reason()).contains("No category");
    }

    @Test
    void aTieGoesToTheLowerShareOfCapacityThenByName() {
        RoutingCandidate small = engineer("Aaron Small", Role.TIER1, 2, 4, weekdays(7, 18), Category.PRINTING_SCANNING);
        RoutingCandidate big = engineer("Zoe Big", Role.TIER1, 2, 20, weekdays(7, 18), Category.PRINTING_SCANNING);
        assertThat(choose(PRINTER, Set.of(), small, big).assigneeId()).isEqualTo(big.person().id());

        RoutingCandidate bea = engineer("Bea", Role.TIER1, 1, 10, weekdays(7, 18), Category.PRINTING_SCANNING);
        RoutingCandidate abe = engineer("Abe", Role.TIER1, 1, 10, weekdays(7, 18), Category.PRINTING_SCANNING);
        assertThat(choose(PRINTER, Set.of(), bea, abe).assigneeId()).isEqualTo(abe.person().id());
    }

    @Test
    void chosenCategoriesGoToTheClinicsOwnItFirstAndToTheTierWhenTheyAreNotFree() {
        RoutingCandidate hale = engineer("Sam Hale", Role.INTERNAL_IT, 1, 5, weekdays(7, 17));
        RoutingCandidate ava = engineer("Ava Torres", Role.TIER1, 0, 10, weekdays(7, 18), Category.PRINTING_SCANNING);

        RoutingRules.Choice first = choose(PRINTER, Set.of("PRINTING_SCANNING"), ava, hale);
        assertThat(first.assigneeId()).isEqualTo(hale.person().id());
        assertThat(first.reason()).isEqualTo("Routed to Sam Hale: clinic IT first for PRINTING_SCANNING at Riverbend Health, on shift, 1 of 5 open tickets");

        assertThat(choose(PRINTER, Set.of(), ava, hale).assigneeId()).as("not a chosen category").isEqualTo(ava.person().id());

        load.put(hale.person().id(), 5);
        RoutingRules.Choice fallback = choose(PRINTER, Set.of("PRINTING_SCANNING"), ava, hale);
        assertThat(fallback.assigneeId()).isEqualTo(ava.person().id());
        assertThat(fallback.reason()).isEqualTo("Clinic IT not free (1 at capacity); routed to Ava Torres: Tier 1, skill PRINTING_SCANNING, on shift, 0 of 10 open tickets");
    }

    @Test
    void aDisabledAccountIsNeverRouted() {
        RoutingCandidate ava = engineer("Ava Torres", Role.TIER1, 0, 10, weekdays(7, 18), Category.PRINTING_SCANNING);
        PersonSummary p = ava.person();
        RoutingCandidate disabled = new RoutingCandidate(new PersonSummary(p.id(), p.email(), p.displayName(), p.role(), p.tier(),
                p.organizationId(), null, false), ava.profile());
        assertThat(choose(PRINTER, Set.of(), disabled).routed()).isFalse();
    }

    @Test
    void routingIsOffForAQueueUntilSomeoneOfTheTierHasASkillOrTheClinicKeepsTheCategory() {
        RoutingCandidate unset = engineer("Ava Torres", Role.TIER1, 0, 10, Map.of());
        RoutingCandidate tierTwo = engineer("Ben Okafor", Role.TIER2, 0, 10, Map.of(), Category.EMR_PERFORMANCE);
        assertThat(RoutingRules.inUse(PRINTER, List.of(unset, tierTwo), Set.of())).isFalse();
        assertThat(RoutingRules.inUse(PRINTER, List.of(unset, tierTwo), Set.of("PRINTING_SCANNING"))).isTrue();
        RoutingCandidate set = engineer("Devon Reyes", Role.TIER1, 0, 10, Map.of(), Category.ACCOUNT_ACCESS);
        assertThat(RoutingRules.inUse(PRINTER, List.of(unset, set), Set.of())).as("even without this skill").isTrue();
    }
}
