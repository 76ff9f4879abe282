package io.breakpoint.sla.internal;

import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.sla.ServiceLevelPolicy;
import io.breakpoint.tickets.Priority;
import org.junit.jupiter.api.Test;

import java.time.*;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClinicClockTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26); // a Thursday

    /** Chesterfield Clinic: weekdays 08:00–17:00, closed on Thanksgiving. */
    static ClinicClock chesterfield() {
        Map<DayOfWeek, ClinicCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getValue() <= 5) hours.put(d, new ClinicCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(17, 0)));
        }
        return new ClinicClock(new ClinicCalendar(CHICAGO, hours, Set.of(THANKSGIVING)));
    }

    static Instant chicago(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    @Test
    void clinicTimeWithinTheDayIsWallTime() {
        assertThat(chesterfield().plusClinicTime(chicago("2026-11-24T10:00"), Duration.ofMinutes(30)))
                .isEqualTo(chicago("2026-11-24T10:30"));
    }

    @Test
    void clinicTimeStopsAtClosingAndResumesAtOpening() {
        assertThat(chesterfield().plusClinicTime(chicago("2026-11-24T16:50"), Duration.ofMinutes(30)))
                .isEqualTo(chicago("2026-11-25T08:20"));
    }

    @Test
    void aWeekendTicketIsDueAfterMondayOpening() {
        assertThat(chesterfield().plusClinicTime(chicago("2026-11-28T09:00"), Duration.ofMinutes(30)))
                .isEqualTo(chicago("2026-11-30T08:30"));
    }

    @Test
    void holidaysDoNotCount() {
        assertThat(chesterfield().plusClinicTime(chicago("2026-11-25T16:45"), Duration.ofMinutes(30)))
                .isEqualTo(chicago("2026-11-27T08:15"));
    }

    @Test
    void theEndOfTheClinicDayIsTodaysCloseOrTheNextClinicDays() {
        ClinicClock clock = chesterfield();
        assertThat(clock.endOfClinicDay(chicago("2026-11-24T10:00"))).isEqualTo(chicago("2026-11-24T17:00"));
        assertThat(clock.endOfClinicDay(chicago("2026-11-24T06:00"))).isEqualTo(chicago("2026-11-24T17:00"));
        assertThat(clock.endOfClinicDay(chicago("2026-11-24T18:00"))).isEqualTo(chicago("2026-11-25T17:00"));
        assertThat(clock.endOfClinicDay(chicago("2026-11-25T18:00"))).isEqualTo(chicago("2026-11-27T17:00"));
    }

    @Test
    void clinicDaysSkipHolidaysAndWeekends() {
        ClinicClock clock = chesterfield();
        // Tuesday 10:00 + 2 clinic days: Wednesday counts, Thanksgiving does not, so Friday 10:00.
        assertThat(clock.plusClinicDays(chicago("2026-11-24T10:00"), 2)).isEqualTo(chicago("2026-11-27T10:00"));
        // Saturday: counted from Monday's opening.
        assertThat(clock.plusClinicDays(chicago("2026-11-28T11:00"), 2)).isEqualTo(chicago("2026-12-02T08:00"));
        // Friday 10:00 + 5 clinic days is next Friday 10:00.
        assertThat(clock.plusClinicDays(chicago("2026-12-04T10:00"), 5)).isEqualTo(chicago("2026-12-11T10:00"));
    }

    @Test
    void theFallBackHourIsAnHourOfClinicTimeToo() {
        // Sunday 2026-11-01: clocks go from 02:00 CDT back to 01:00 CST, so 00:00-04:00 holds five real hours.
        Map<DayOfWeek, ClinicCalendar.Hours> sundayNights = Map.of(
                DayOfWeek.SUNDAY, new ClinicCalendar.Hours(LocalTime.of(0, 0), LocalTime.of(4, 0)));
        ClinicClock clock = new ClinicClock(new ClinicCalendar(CHICAGO, sundayNights, Set.of()));
        Instant start = chicago("2026-11-01T00:00");
        assertThat(clock.plusClinicTime(start, Duration.ofMinutes(270))).isEqualTo(start.plus(Duration.ofMinutes(270)));
        assertThat(clock.clinicTimeBetween(start, chicago("2026-11-01T04:00"))).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void theSpringForwardHourDoesNotExist() {
        // Sunday 2027-03-14: 02:00 CST jumps to 03:00 CDT, so 00:00-04:00 holds three real hours.
        Map<DayOfWeek, ClinicCalendar.Hours> sundayNights = Map.of(
                DayOfWeek.SUNDAY, new ClinicCalendar.Hours(LocalTime.of(0, 0), LocalTime.of(4, 0)));
        ClinicClock clock = new ClinicClock(new ClinicCalendar(CHICAGO, sundayNights, Set.of()));
        Instant start = chicago("2027-03-14T00:00");
        assertThat(clock.plusClinicTime(start, Duration.ofHours(3))).isEqualTo(chicago("2027-03-14T04:00"));
        assertThat(clock.plusClinicTime(start, Duration.ofHours(4))).isEqualTo(chicago("2027-03-21T01:00"));
    }

    @Test
    void aSiteWithoutClinicHoursCountsAroundTheClock() {
        ClinicClock clock = new ClinicClock(new ClinicCalendar(CHICAGO, Map.of(), Set.of()));
        Instant saturdayNight = chicago("2026-11-28T23:00");
        assertThat(clock.aroundTheClock()).isTrue();
        assertThat(clock.plusClinicTime(saturdayNight, Duration.ofMinutes(30))).isEqualTo(chicago("2026-11-28T23:30"));
        assertThat(clock.plusClinicDays(saturdayNight, 2)).isEqualTo(chicago("2026-11-30T23:00"));
    }

    @Test
    void clinicTimeBetweenCountsOnlyOpenHours() {
        assertThat(chesterfield().clinicTimeBetween(chicago("2026-11-24T16:00"), chicago("2026-11-25T09:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(chesterfield().clinicTimeBetween(chicago("2026-11-25T16:00"), chicago("2026-11-27T09:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theDefaultPolicyRunsP1AroundTheClockAndTheRestOnClinicTime() {
        ClinicClock clock = chesterfield();
        Instant fridayEvening = chicago("2026-11-27T19:00");
        ServiceLevelPolicy policy = ServiceLevelPolicy.DEFAULT;
        assertThat(ClinicServiceLevels.due(clock, policy.firstResponse().get(Priority.P1), fridayEvening))
                .isEqualTo(chicago("2026-11-27T19:02"));
        assertThat(ClinicServiceLevels.due(clock, policy.resolution().get(Priority.P1), fridayEvening))
                .isEqualTo(chicago("2026-11-27T23:00"));
        assertThat(ClinicServiceLevels.due(clock, policy.firstResponse().get(Priority.P3), fridayEvening))
                .isEqualTo(chicago("2026-11-30T08:30"));
        assertThat(ClinicServiceLevels.due(clock, policy.resolution().get(Priority.P2), fridayEvening))
                .isEqualTo(chicago("2026-11-30T17:00"));
        assertThat(ClinicServiceLevels.due(clock, policy.firstResponse().get(Priority.P4), chicago("2026-11-30T15:00")))
                .isEqualTo(chicago("2026-12-01T10:00"));
    }
}
