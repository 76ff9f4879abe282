package io.breakpoint.sla.internal;

import io.breakpoint.sla.Target;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.breakpoint.sla.internal.ClinicClockTest.chesterfield;
import static io.breakpoint.sla.internal.ClinicClockTest.chicago;
import static org.assertj.core.api.Assertions.assertThat;

/** Pause and warning arithmetic at Chesterfield Clinic (weekdays 08:00–17:00 Chicago, closed on Thanksgiving). */
class TargetTimeTest {

    static final TargetTime CLINIC_TIME = new TargetTime(chesterfield(), Target.clinicTime(Duration.ofMinutes(30)));
    static final TargetTime AROUND_THE_CLOCK = new TargetTime(chesterfield(), Target.aroundTheClock(Duration.ofHours(4)));

    @Test
    void twoClinicHoursWaitingOnTheRequesterMoveTheDueTimeByTwoHours() {
        Instant due = CLINIC_TIME.resumed(chicago("2026-11-24T11:00"), chicago("2026-11-24T09:00"), chicago("2026-11-24T11:00"));
        assertThat(due).isEqualTo(chicago("2026-11-24T13:00"));
    }

    @Test
    void aWaitOverNightCountsOnlyTheClinicHoursWithin() {
        // 16:00 to 09:00 next morning: one clinic hour before closing and one after opening; from 16:30 that is
        // half an hour to closing and an hour and a half of the next morning.
        Instant due = CLINIC_TIME.resumed(chicago("2026-11-24T16:30"), chicago("2026-11-24T16:00"), chicago("2026-11-25T09:00"));
        assertThat(due).isEqualTo(chicago("2026-11-25T09:30"));
    }

    @Test
    void movedPastClosingTheDueTimeContinuesAtTheNextOpeningSkippingHolidays() {
        // Due Wednesday 16:00, two clinic hours back: one hour Wednesday, Thanksgiving skipped, one hour Friday.
        Instant due = CLINIC_TIME.resumed(chicago("2026-11-25T16:00"), chicago("2026-11-23T09:00"), chicago("2026-11-23T11:00"));
        assertThat(due).isEqualTo(chicago("2026-11-27T09:00"));
    }

    @Test
    void anAroundTheClockTargetMovesByWallTime() {
        Instant due = AROUND_THE_CLOCK.resumed(chicago("2026-11-24T20:00"), chicago("2026-11-24T18:00"), chicago("2026-11-25T06:00"));
        assertThat(due).isEqualTo(chicago("2026-11-25T08:00"));
    }

    @Test
    void aWaitOutsideClinicHoursMovesNothing() {
        Instant due = chicago("2026-11-25T08:30");
        assertThat(CLINIC_TIME.resumed(due, chicago("2026-11-24T18:00"), chicago("2026-11-25T07:00"))).isEqualTo(due);
    }

    @Test
    void theWarningComesWhenAQuarterOfTheTimeIsLeft() {
        Instant opened = chicago("2026-11-24T10:00");
        Instant due = chicago("2026-11-24T10:30");
        assertThat(CLINIC_TIME.warns(opened, due, due, chicago("2026-11-24T10:22"), 0.75)).isFalse();
        assertThat(CLINIC_TIME.warns(opened, due, due, chicago("2026-11-24T10:23"), 0.75)).isTrue();
    }

    @Test
    void theWarningCountsClinicTimeNotTheNight() {
        // Opened 16:50 with 30 clinic minutes: 10 tonight, 20 tomorrow; the 75% point is 08:12, not 04:00.
        Instant opened = chicago("2026-11-24T16:50");
        Instant due = chicago("2026-11-25T08:20");
        assertThat(CLINIC_TIME.warns(opened, due, due, chicago("2026-11-25T04:00"), 0.75)).isFalse();
        assertThat(CLINIC_TIME.warns(opened, due, due, chicago("2026-11-25T08:13"), 0.75)).isTrue();
    }

    @Test
    void aPausedClockThatWasMovedWarnsLater() {
        Instant opened = chicago("2026-11-24T10:00");
        Instant promised = chicago("2026-11-24T10:30");
        Instant moved = chicago("2026-11-24T12:30"); // two hours waiting on the requester
        assertThat(CLINIC_TIME.warns(opened, promised, moved, chicago("2026-11-24T10:25"), 0.75)).isFalse();
        assertThat(CLINIC_TIME.warns(opened, promised, moved, chicago("2026-11-24T12:23"), 0.75)).isTrue();
    }
}
