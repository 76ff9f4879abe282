package io.breakpoint.identity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** A site's clinic hours per weekday and its holidays, in the site's own time zone. */
public record ClinicCalendar(ZoneId zone, Map<DayOfWeek, Hours> hours, Set<LocalDate> holidays) {

    public record Hours(LocalTime opens, LocalTime closes) {
    }

    public ClinicCalendar {
        hours = Map.copyOf(hours);
        holidays = Set.copyOf(holidays);
    }

    public boolean isClinicDay(LocalDate day) {
        return hours.containsKey(day.getDayOfWeek()) && !holidays.contains(day);
    }
}
