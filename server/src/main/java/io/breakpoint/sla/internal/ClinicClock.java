package io.breakpoint.sla.internal;

import io.breakpoint.identity.ClinicCalendar;

import java.time.*;

/**
 * Clock arithmetic in a site's clinic time: adding clinic hours or clinic days to an instant, skipping
 * closed days and holidays, in the site's own time zone (so daylight-saving changes fall where the clinic
 * sees them). A calendar without any clinic hours counts every hour, around the clock.
 */
public final class ClinicClock {

    /** Guards against a calendar whose every day is a holiday: no answer is better than an endless loop. */
    private static final int MAX_DAYS = 3 * 366;

    private final ClinicCalendar calendar;

    public ClinicClock(ClinicCalendar calendar) {
        this.calendar = calendar;
    }

    public ZoneId zone() {
        return calendar.zone();
    }

    public boolean aroundTheClock() {
        return calendar.hours().isEmpty();
    }

    /** The instant when {@code amount} of clinic time has passed after {@code start}. */
    public Instant plusClinicTime(Instant start, Duration amount) {
        if (aroundTheClock()) return start.plus(amount);
        Duration left = amount;
        ZonedDateTime cursor = start.atZone(calendar.zone());
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            ClinicCalendar.Hours h = calendar.isClinicDay(day) ? calendar.hours().get(day.getDayOfWeek()) : null;
            if (h != null) {
                ZonedDateTime opens = day.atTime(h.opens()).atZone(calendar.zone());
                ZonedDateTime closes = day.atTime(h.closes()).atZone(calendar.zone());
                ZonedDateTime from = cursor.isBefore(opens) ? opens : cursor;
                if (from.isBefore(closes)) {
                    Duration available = Duration.between(from, closes);
                    if (available.compareTo(left) >= 0) return from.plus(left).toInstant();
                    left = left.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(calendar.zone());
        }
        throw new IllegalStateException("The site's calendar has no clinic hours in the next three years");
    }

    /** The close of the clinic day the clock starts on: today's close if open or yet to open, else the next clinic day's. */
    public Instant endOfClinicDay(Instant start) {
        if (aroundTheClock()) return start.atZone(calendar.zone()).toLocalDate().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        ZonedDateTime cursor = start.atZone(calendar.zone());
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            if (calendar.isClinicDay(day)) {
                ZonedDateTime closes = day.atTime(calendar.hours().get(day.getDayOfWeek()).closes()).atZone(calendar.zone());
                if (cursor.isBefore(closes)) return closes.toInstant();
            }
            cursor = day.plusDays(1).atStartOfDay(calendar.zone());
        }
        throw new IllegalStateException("The site's calendar has no clinic hours in the next three years");
    }

    /**
     * {@code days} clinic days after the clock starts: the same time of clinic day that many clinic days later
     * (Tuesday 10:00 plus two clinic days is Thursday 10:00, or Friday 10:00 when Wednesday is a holiday). A
     * start outside clinic hours counts from the next opening.
     */
    public Instant plusClinicDays(Instant start, int days) {
        if (aroundTheClock()) return start.plus(Duration.ofDays(days));
        ZonedDateTime begin = firstClinicMoment(start.atZone(calendar.zone()));
        LocalDate day = begin.toLocalDate();
        Duration intoDay = Duration.between(day.atTime(calendar.hours().get(day.getDayOfWeek()).opens()).atZone(calendar.zone()), begin);
        int counted = 0;
        for (int i = 0; i < MAX_DAYS && counted < days; i++) {
            day = day.plusDays(1);
            if (calendar.isClinicDay(day)) counted++;
        }
        if (counted < days) throw new IllegalStateException("The site's calendar has no clinic hours in the next three years");
        ClinicCalendar.Hours h = calendar.hours().get(day.getDayOfWeek());
        ZonedDateTime opens = day.atTime(h.opens()).atZone(calendar.zone());
        ZonedDateTime closes = day.atTime(h.closes()).atZone(calendar.zone());
        ZonedDateTime due = opens.plus(intoDay);
        return (due.isAfter(closes) ? closes : due).toInstant();
    }

    /** Clinic time that passes between two instants (for paused clocks and attainment). */
    public Duration clinicTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        if (aroundTheClock()) return Duration.between(from, to);
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(calendar.zone());
        ZonedDateTime end = to.atZone(calendar.zone());
        while (cursor.isBefore(end)) {
            LocalDate day = cursor.toLocalDate();
            if (calendar.isClinicDay(day)) {
                ClinicCalendar.Hours h = calendar.hours().get(day.getDayOfWeek());
                ZonedDateTime opens = day.atTime(h.opens()).atZone(calendar.zone());
                ZonedDateTime closes = day.atTime(h.closes()).atZone(calendar.zone());
                ZonedDateTime a = cursor.isBefore(opens) ? opens : cursor;
                ZonedDateTime b = end.isBefore(closes) ? end : closes;
                if (a.isBefore(b)) total = total.plus(Duration.between(a, b));
            }
            cursor = day.plusDays(1).atStartOfDay(calendar.zone());
        }
        return total;
    }

    private ZonedDateTime firstClinicMoment(ZonedDateTime t) {
        ZonedDateTime cursor = t;
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            if (calendar.isClinicDay(day)) {
                ClinicCalendar.Hours h = calendar.hours().get(day.getDayOfWeek());
                ZonedDateTime opens = day.atTime(h.opens()).atZone(calendar.zone());
                ZonedDateTime closes = day.atTime(h.closes()).atZone(calendar.zone());
                if (cursor.isBefore(opens)) return opens;
                if (cursor.isBefore(closes)) return cursor;
            }
            cursor = day.plusDays(1).atStartOfDay(calendar.zone());
        }
        throw new IllegalStateException("The site's calendar has no clinic hours in the next three years");
    }
}
