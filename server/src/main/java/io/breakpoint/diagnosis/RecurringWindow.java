package io.breakpoint.diagnosis;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A time of the week when a hop is slow again and again, in the site's own time zone: "slow on weekdays
 * 13:00–15:00 for four weeks". {@code segment} is null when the whole site shows it, else the segment's name.
 * {@code withinClinicHours} relates it to the site's calendar.
 */
public record RecurringWindow(String hop, String segment, Set<DayOfWeek> days, LocalTime from, LocalTime to, int weeks,
                              boolean withinClinicHours, String text) {

    public RecurringWindow {
        days = Set.copyOf(days);
    }
}
