package io.breakpoint.incidents.internal;

import io.breakpoint.incidents.IncidentStatus;
import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.IncidentTickets.Member;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BurstRulesTest {

    private static final Instant NOON = Instant.parse("2026-11-25T18:00:00Z");
    private static final UUID ORG = UUID.randomUUID(), CHESTERFIELD = UUID.randomUUID(), OFALLON = UUID.randomUUID();
    private static final BurstRules.Settings DEFAULTS = settings(0);

    private static BurstRules.Settings settings(int orgThreshold) {
        return new BurstRules.Settings(true, 5, orgThreshold, Duration.ofMinutes(10), Set.of(Category.EMR_PERFORMANCE));
    }

    private static int n = 0;

    private static Member slow(UUID site, Instant at) {
        return slow(site, at, 2, Priority.P3, null);
    }

    private static Member slow(UUID site, Instant at, int tier, Priority p, UUID assignee) {
        n++;
        return new Member(UUID.randomUUID(), "BP-" + n, "EMR slow", ORG, site, UUID.randomUUID(), Category.EMR_PERFORMANCE,
                tier, p, TicketStatus.TRIAGED, assignee, at);
    }

    private static List<Member> burst(UUID site, int count, Duration apart) {
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(slow(site, NOON.plus(apart.multipliedBy(i))));
        return out;
    }

    @Test
    void fiveFromOneSiteWithinTenMinutesAreABurstAndFourAreNot() {
        List<Member> five = burst(CHESTERFIELD, 5, Duration.ofMinutes(2));
        assertThat(BurstRules.detect(five.get(4), five, DEFAULTS)).hasValueSatisfying(b -> {
            assertThat(b.siteId()).isEqualTo(CHESTERFIELD);
            assertThat(b.tickets()).hasSize(5);
        });
        List<Member> four = five.subList(0, 4);
        assertThat(BurstRules.detect(four.get(3), four, DEFAULTS)).isEmpty();
    }

    @Test
    void theNewestTicketCountsAsItselfWhenTheDatabaseRoundedItsTimeUp() {
        List<Member> four = burst(CHESTERFIELD, 4, Duration.ofMinutes(1));
        Instant fromEvent = NOON.plus(Duration.ofMinutes(5)).plusNanos(999_600);
        Member newest = slow(CHESTERFIELD, fromEvent);
        Member storedRoundedUp = new Member(newest.ticketId(), newest.reference(), "EMR slow", ORG, CHESTERFIELD,
                newest.requesterId(), Category.EMR_PERFORMANCE, 2, Priority.P3, TicketStatus.TRIAGED, null,
                NOON.plus(Duration.ofMinutes(5)).plusNanos(1_000_000));
        List<Member> read = new ArrayList<>(four);
        read.add(storedRoundedUp);
        assertThat(BurstRules.detect(newest, read, DEFAULTS)).hasValueSatisfying(b -> assertThat(b.tickets()).hasSize(5));
    }

    @Test
    void aTicketThatArrivedLaterButWasWrittenFirstBelongsToTheBurst() {
        List<Member> four = burst(CHESTERFIELD, 4, Duration.ofMinutes(1));
        Member later = slow(CHESTERFIELD, NOON.plus(Duration.ofMinutes(6)));
        Member completing = slow(CHESTERFIELD, NOON.plus(Duration.ofMinutes(5)));
        List<Member> read = new ArrayList<>(four);
        read.add(later);
        read.add(completing);
        assertThat(BurstRules.detect(completing, read, DEFAULTS))
                .hasValueSatisfying(b -> assertThat(b.tickets()).hasSize(6).contains(later));
    }

    @Test
    void ticketsOlderThanTheWindowDoNotCount() {
        List<Member> spread = burst(CHESTERFIELD, 5, Duration.ofMinutes(3)); // 12 minutes from first to last
        assertThat(BurstRules.detect(spread.get(4), spread, DEFAULTS)).isEmpty();
    }

    @Test
    void sitesCombineOnlyWhenTheOrganizationThresholdSaysSo() {
        List<Member> mixed = new ArrayList<>(burst(CHESTERFIELD, 3, Duration.ofMinutes(1)));
        mixed.addAll(burst(OFALLON, 3, Duration.ofMinutes(1)));
        Member last = mixed.get(5);
        assertThat(BurstRules.detect(last, mixed, DEFAULTS)).as("organization threshold off").isEmpty();
        assertThat(BurstRules.detect(last, mixed, settings(7))).as("6 below 7").isEmpty();
        assertThat(BurstRules.detect(last, mixed, settings(6))).hasValueSatisfying(b -> {
            assertThat(b.siteId()).as("organization-wide").isNull();
            assertThat(b.tickets()).hasSize(6);
            assertThat(b.threshold()).isEqualTo(6);
        });
    }

    @Test
    void aLaterTicketJoinsAnOpenIncidentOfItsSiteWithinTheWindowOfItsLatestTicket() {
        Incident atChesterfield = incident(CHESTERFIELD, NOON);
        Incident orgWide = incident(null, NOON);
        Duration w = Duration.ofMinutes(10);
        // Chesterfield's latest ticket came at 12:05, so until 12:15 a new one joins.
        Map<UUID, Instant> latest = Map.of(atChesterfield.id(), NOON.plus(Duration.ofMinutes(5)), orgWide.id(), NOON);
        assertThat(BurstRules.joinable(slow(CHESTERFIELD, NOON.plus(Duration.ofMinutes(14))), List.of(atChesterfield), latest, w)).isPresent();
        assertThat(BurstRules.joinable(slow(CHESTERFIELD, NOON.plus(Duration.ofMinutes(16))), List.of(atChesterfield), latest, w)).isEmpty();
        assertThat(BurstRules.joinable(slow(OFALLON, NOON.plus(Duration.ofMinutes(1))), List.of(atChesterfield), latest, w)).isEmpty();
        assertThat(BurstRules.joinable(slow(OFALLON, NOON.plus(Duration.ofMinutes(1))), List.of(atChesterfield, orgWide), latest, w))
                .hasValue(orgWide);
    }

    @Test
    void theOwnerIsWhoRoutingGaveMostTicketsOfTheTierAndOtherwiseTheQueue() {
        UUID ben = UUID.randomUUID(), ana = UUID.randomUUID();
        List<Member> m = List.of(slow(CHESTERFIELD, NOON, 2, Priority.P3, ben), slow(CHESTERFIELD, NOON, 2, Priority.P2, ben),
                slow(CHESTERFIELD, NOON, 2, Priority.P3, ana), slow(CHESTERFIELD, NOON, 1, Priority.P3, ana),
                slow(CHESTERFIELD, NOON, 2, Priority.P3, null));
        assertThat(BurstRules.tier(m)).isEqualTo(2);
        assertThat(BurstRules.owner(m, 2)).isEqualTo(ben);
        assertThat(BurstRules.priority(m)).isEqualTo(Priority.P2);
        assertThat(BurstRules.owner(List.of(slow(CHESTERFIELD, NOON)), 2)).isNull();
    }

    @Test
    void nonsenseSettingsAreRefusedWithThePropertyName() {
        assertThatThrownBy(() -> new BurstRules.Settings(true, 1, 0, Duration.ofMinutes(10), Set.of()))
                .hasMessageContaining("site-threshold");
        assertThatThrownBy(() -> new BurstRules.Settings(true, 5, 0, Duration.ZERO, Set.of()))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> IncidentSettings.parse("EMR_PERFORMANCE, EMR_SLOWNESS")).hasMessageContaining("EMR_SLOWNESS");
        assertThat(IncidentSettings.parse(" emr_performance ,")).containsExactly(Category.EMR_PERFORMANCE);
    }

    private static Incident incident(UUID site, Instant lastArrival) {
        return new Incident(UUID.randomUUID(), 1, ORG, site, Category.EMR_PERFORMANCE, 2, Priority.P2, "EMR", IncidentStatus.OPEN,
                null, null, lastArrival, null, null, null, 0);
    }
}
