package io.breakpoint.identity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What routing needs to know about an engineer: the ticket categories they work (skills), their weekly shifts
 * in their own time zone, and how many open tickets they take at once. Categories are the names of the
 * tickets module's {@code Category}, kept as text here because identity does not depend on tickets.
 */
public record RoutingProfile(Set<String> skills, ZoneId zone, Map<DayOfWeek, Shift> shifts, int capacity) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Chicago");
    public static final int DEFAULT_CAPACITY = 10;
    public static final int MAX_CAPACITY = 200;

    /** The triage categories of PRODUCT.md, in its order; a test checks they match the tickets module's Category. */
    public static final List<String> CATEGORIES = List.of("ACCOUNT_ACCESS", "EMR_PERFORMANCE", "EMR_APPLICATION",
            "PRINTING_SCANNING", "NETWORK_CONNECTIVITY", "MEDICAL_DEVICE_INTEGRATION", "ENDPOINT_HARDWARE",
            "EMAIL_COLLABORATION", "PHONES_TELEPHONY", "SECURITY_INCIDENT", "INFRASTRUCTURE", "SERVICE_REQUEST");

    /** One day's shift; an end that is not after the start means the shift runs past midnight (00:00–00:00: all day). */
    public record Shift(LocalTime starts, LocalTime ends) {
        public boolean overnight() {
            return !ends.isAfter(starts);
        }
    }

    public RoutingProfile {
        skills = Set.copyOf(skills);
        shifts = shifts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(shifts));
    }

    public static RoutingProfile none() {
        return new RoutingProfile(Set.of(), DEFAULT_ZONE, Map.of(), DEFAULT_CAPACITY);
    }

    public boolean hasSkill(String category) {
        return skills.contains(category);
    }

    /** Whether the engineer is on shift at this instant, counting yesterday's shift when it runs past midnight. */
    public boolean onShift(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        Shift today = shifts.get(local.getDayOfWeek());
        if (today != null && !time.isBefore(today.starts()) && (today.overnight() || time.isBefore(today.ends()))) {
            return true;
        }
        Shift yesterday = shifts.get(local.getDayOfWeek().minus(1));
        return yesterday != null && yesterday.overnight() && time.isBefore(yesterday.ends());
    }
}
