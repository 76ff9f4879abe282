package io.breakpoint.routing;

import io.breakpoint.identity.RoutingProfile;
import io.breakpoint.identity.RoutingProfile.Shift;
import io.breakpoint.tickets.Category;
import org.junit.jupiter.api.Test;

import java.time.*;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The engineer's shift calendar and the category names identity keeps for tickets' Category. */
class RoutingProfileTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static Instant chicago(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CHICAGO).toInstant();
    }

    private static RoutingProfile shifts(Map<DayOfWeek, Shift> shifts) {
        return new RoutingProfile(Set.of(), CHICAGO, shifts, 10);
    }

    @Test
    void identityKnowsExactlyTheTicketCategories() {
        assertThat(RoutingProfile.CATEGORIES).containsExactlyElementsOf(Arrays.stream(Category.values()).map(Enum::name).toList());
    }

    @Test
    void aDayShiftCoversItsHoursInTheEngineersTimeZoneAndNotTheEnd() {
        RoutingProfile p = shifts(Map.of(DayOfWeek.WEDNESDAY, new Shift(LocalTime.of(7, 0), LocalTime.of(18, 0))));
        assertThat(p.onShift(chicago(2026, 11, 25, 6, 59))).isFalse();
        assertThat(p.onShift(chicago(2026, 11, 25, 7, 0))).isTrue();
        assertThat(p.onShift(chicago(2026, 11, 25, 17, 59))).isTrue();
        assertThat(p.onShift(chicago(2026, 11, 25, 18, 0))).isFalse();
        assertThat(p.onShift(chicago(2026, 11, 26, 10, 0))).as("Thursday is off").isFalse();
    }

    @Test
    void aNightShiftRunsPastMidnightIntoTheNextDay() {
        RoutingProfile p = shifts(Map.of(DayOfWeek.FRIDAY, new Shift(LocalTime.of(22, 0), LocalTime.of(6, 0))));
        assertThat(p.onShift(chicago(2026, 11, 27, 23, 0))).isTrue();
        assertThat(p.onShift(chicago(2026, 11, 28, 5, 59))).as("Saturday morning, still Friday's shift").isTrue();
        assertThat(p.onShift(chicago(2026, 11, 28, 6, 0))).isFalse();
        assertThat(p.onShift(chicago(2026, 11, 27, 5, 0))).as("Friday morning belongs to Thursday, which is off").isFalse();
    }

    @Test
    void midnightToMidnightIsTheWholeDayAcrossADaylightSavingChange() {
        // 8 March 2026: clocks in Chicago jump from 02:00 to 03:00.
        RoutingProfile p = shifts(Map.of(DayOfWeek.SUNDAY, new Shift(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        assertThat(p.onShift(chicago(2026, 3, 8, 0, 0))).isTrue();
        assertThat(p.onShift(chicago(2026, 3, 8, 3, 30))).isTrue();
        assertThat(p.onShift(chicago(2026, 3, 8, 23, 59))).isTrue();
        assertThat(p.onShift(chicago(2026, 3, 9, 0, 0))).as("Monday is off").isFalse();
    }

    @Test
    void nobodyIsOnShiftWithoutAShift() {
        assertThat(RoutingProfile.none().onShift(Instant.now())).isFalse();
    }
}
