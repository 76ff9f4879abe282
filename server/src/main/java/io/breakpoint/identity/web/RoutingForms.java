package io.breakpoint.identity.web;

import io.breakpoint.identity.RoutingProfile;
import org.springframework.util.MultiValueMap;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.*;

/**
 * The routing profile as the admin page shows and reads it: skill checkboxes, one time zone, the capacity and a
 * start and end per weekday ({@code starts-MONDAY}, {@code ends-MONDAY}); values stay text until checked, so a bad
 * one becomes a field message.
 */
final class RoutingForms {

    private RoutingForms() {
    }

    record Option(String value, String label, boolean checked) {
    }

    record Day(String key, String label, String starts, String ends) {
    }

    record ProfileForm(List<Option> skills, String timeZone, String capacity, List<Day> days) {
    }

    /** What the admin typed, parsed; errors go to {@code errors}. */
    record Typed(List<String> skills, String timeZone, Integer capacity, Map<DayOfWeek, RoutingProfile.Shift> shifts) {
    }

    static ProfileForm show(RoutingProfile p) {
        List<Day> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            RoutingProfile.Shift s = p.shifts().get(d);
            days.add(new Day(d.name(), label(d), s == null ? "" : s.starts().toString(), s == null ? "" : s.ends().toString()));
        }
        return new ProfileForm(options(p.skills()), p.zone().getId(), String.valueOf(p.capacity()), days);
    }

    /** The form again with what was typed, after an error. */
    static ProfileForm echo(MultiValueMap<String, String> params) {
        List<Day> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(new Day(d.name(), label(d), value(params, "starts-" + d.name()), value(params, "ends-" + d.name())));
        }
        return new ProfileForm(options(new HashSet<>(list(params, "skills"))), value(params, "timeZone"),
                value(params, "capacity"), days);
    }

    static Typed read(MultiValueMap<String, String> params, FormErrors errors) {
        Integer capacity = null;
        String c = value(params, "capacity");
        try {
            capacity = Integer.parseInt(c);
        } catch (NumberFormatException e) {
            errors.add("capacity", "Give the most open tickets at once as a whole number, e.g. 10.");
        }
        Map<DayOfWeek, RoutingProfile.Shift> shifts = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            String s = value(params, "starts-" + d.name()), e = value(params, "ends-" + d.name());
            if (s.isEmpty() && e.isEmpty()) continue;
            if (s.isEmpty() || e.isEmpty()) {
                errors.add("shifts", "On " + label(d) + " give both the start and the end of the shift, or neither for a day off.");
                continue;
            }
            try {
                shifts.put(d, new RoutingProfile.Shift(LocalTime.parse(s), LocalTime.parse(e)));
            } catch (DateTimeParseException ex) {
                errors.add("shifts", "On " + label(d) + " write the times as hours and minutes, e.g. 07:00 and 18:00.");
            }
        }
        return new Typed(list(params, "skills"), value(params, "timeZone"), capacity, shifts);
    }

    static List<Option> options(Set<String> checked) {
        return RoutingProfile.CATEGORIES.stream().map(c -> new Option(c, label(c), checked.contains(c))).toList();
    }

    /** ACCOUNT_ACCESS → "Account access". */
    static String label(String category) {
        String words = category.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String label(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    static List<String> list(MultiValueMap<String, String> params, String name) {
        List<String> v = params.get(name);
        return v == null ? List.of() : v;
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
