package io.breakpoint.sla.internal;

import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.sla.ServiceLevelPolicy;
import io.breakpoint.sla.Target;
import io.breakpoint.tickets.Priority;
import org.junit.jupiter.api.Test;

import java.time.*;
import java.util.Map;
import java.util.Set;

import static io.breakpoint.sla.internal.ClinicClockTest.chesterfield;
import static io.breakpoint.sla.internal.ClinicClockTest.chicago;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal tier targets of the default policy and an organization's own targets, on the clinic calendar: across
 * the daylight-saving change, over a holiday, and at a site with no clinic hours configured (decision 0012: such a
 * site counts around the clock, and the promise says so, rather than never falling due).
 */
class TierTargetTest {

    static final ServiceLevelPolicy POLICY = ServiceLevelPolicy.DEFAULT;

    static Instant tierDue(ClinicClock clinic, Priority p, int tier, Instant received) {
        return ClinicServiceLevels.due(clinic, POLICY.tierTargets().get(p).of(tier), received);
    }

    @Test
    void aP2TierTargetReceivedLateOnFridayBeforeTheSpringChangeFallsDueOnMondayMorningLocalTime() {
        // 2026-03-08 (Sunday) 02:00 CST → 03:00 CDT. Two clinic hours: one on Friday, one on Monday from 08:00 CDT.
        Instant due = tierDue(chesterfield(), Priority.P2, 2, chicago("2026-03-06T16:00"));
        assertThat(due).isEqualTo(chicago("2026-03-09T09:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
    }

    @Test
    void aP1TierTargetCountsWallTimeAcrossTheHourThatDoesNotExist() {
        // One hour after 01:30 CST is 03:30 CDT: the clock jumped, the hour of work did not.
        assertThat(tierDue(chesterfield(), Priority.P1, 2, chicago("2026-03-08T01:30"))).isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
    }

    @Test
    void aP2TierTargetInTheAutumnChangeWeekCountsClinicHoursNotWallHours() {
        // 2026-11-01 (Sunday) 02:00 CDT → 01:00 CST; Friday 16:30 CDT + 2 clinic hours = Monday 09:30 CST.
        assertThat(tierDue(chesterfield(), Priority.P2, 2, chicago("2026-10-30T16:30"))).isEqualTo(chicago("2026-11-02T09:30"));
    }

    @Test
    void aHolidayDoesNotCountTowardsTheTierTarget() {
        // Wednesday before Thanksgiving 16:30: half an hour that day, Thursday closed, the rest on Friday.
        assertThat(tierDue(chesterfield(), Priority.P2, 2, chicago("2026-11-25T16:30"))).isEqualTo(chicago("2026-11-27T09:30"));
        assertThat(tierDue(chesterfield(), Priority.P3, 2, chicago("2026-11-25T10:00"))).as("one clinic day: Friday, same time")
                .isEqualTo(chicago("2026-11-27T10:00"));
    }

    @Test
    void eachTierOfTheDefaultPolicyHasItsOwnTargetAcrossTheSpringChange() {
        // P1 counts wall time: received 01:30 CST on the night the clock jumps to CDT.
        Instant received = chicago("2026-03-08T01:30");
        assertThat(tierDue(chesterfield(), Priority.P1, 1, received)).isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
        assertThat(tierDue(chesterfield(), Priority.P1, 3, received)).isEqualTo(Instant.parse("2026-03-08T09:30:00Z"))
                .isEqualTo(chicago("2026-03-08T04:30"));
        // P2 counts clinic time: Friday 16:30 CST, half an hour that day, the rest from Monday 08:00 CDT.
        Instant friday = chicago("2026-03-06T16:30");
        assertThat(tierDue(chesterfield(), Priority.P2, 1, friday)).isEqualTo(chicago("2026-03-09T09:30"));
        assertThat(tierDue(chesterfield(), Priority.P2, 3, friday)).isEqualTo(chicago("2026-03-09T11:30"));
    }

    @Test
    void aHolidayDoesNotCountTowardsAnyTiersTarget() {
        // Wednesday before Thanksgiving 16:30: half an hour that day, Thursday closed, the rest of each tier's time on Friday.
        Instant wednesday = chicago("2026-11-25T16:30");
        assertThat(tierDue(chesterfield(), Priority.P2, 1, wednesday)).isEqualTo(chicago("2026-11-27T09:30"));
        assertThat(tierDue(chesterfield(), Priority.P2, 3, wednesday)).isEqualTo(chicago("2026-11-27T11:30"));
        // Clinic days skip the holiday and the weekend: Tier 3's two are Friday and Monday.
        assertThat(tierDue(chesterfield(), Priority.P3, 3, chicago("2026-11-25T10:00"))).isEqualTo(chicago("2026-11-30T10:00"));
    }

    @Test
    void aSiteWithNoClinicHoursCountsAroundTheClock() {
        ClinicClock noHours = new ClinicClock(new ClinicCalendar(ZoneId.of("America/Chicago"), Map.of(), Set.of()));
        assertThat(noHours.aroundTheClock()).isTrue();
        Instant saturdayNight = chicago("2026-11-28T23:00");
        assertThat(tierDue(noHours, Priority.P2, 2, saturdayNight)).isEqualTo(saturdayNight.plus(Duration.ofHours(2)));
        assertThat(ClinicServiceLevels.due(noHours, Target.clinicTime(Duration.ofMinutes(30)), saturdayNight))
                .isEqualTo(saturdayNight.plus(Duration.ofMinutes(30)));
    }

    @Test
    void anOrganizationsOwnTierTargetReplacesTheDefaultForThatPriorityOnly() {
        ServiceLevelPolicy own = POLICY.with(Priority.P3, new ServiceLevelPolicy.Level(Target.clinicTime(Duration.ofMinutes(15)),
                Target.clinicDays(1), Target.clinicTime(Duration.ofMinutes(45)), io.breakpoint.sla.BreachAction.UP_A_TIER));
        assertThat(ClinicServiceLevels.due(chesterfield(), own.tierTargets().get(Priority.P3).of(2), chicago("2026-11-24T16:30")))
                .isEqualTo(chicago("2026-11-25T08:15"));
        assertThat(own.level(Priority.P2)).isEqualTo(POLICY.level(Priority.P2));
        assertThat(own.onBreach().get(Priority.P3)).isEqualTo(io.breakpoint.sla.BreachAction.UP_A_TIER);
    }
}
