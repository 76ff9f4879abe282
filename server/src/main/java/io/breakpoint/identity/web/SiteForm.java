package io.breakpoint.identity.web;

import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.identity.SiteSummary;
import org.springframework.util.MultiValueMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the site form holds, as typed: the name, the zone, an opening and closing time per weekday (both
 * empty = closed) and the holidays as "YYYY-MM-DD Name" lines. Parsing reports every bad day and line at once.
 */
record SiteForm(UUID organizationId, String name, String timeZone, Map<DayOfWeek, String> opens,
                Map<DayOfWeek, String> closes, String holidays) {

    private static final Pattern HOLIDAY = Pattern.compile("^(\\S+)\\s*(.*)$");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static SiteForm fresh(UUID organizationId, String name) {
        Map<DayOfWeek, String> opens = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> closes = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            boolean weekday = d.getValue() <= 5;
            opens.put(d, weekday ? "08:00" : "");
            closes.put(d, weekday ? "17:00" : "");
        }
        return new SiteForm(organizationId, name == null ? "" : name, "America/Chicago", opens, closes, "");
    }

    static SiteForm of(SiteSummary site, ClinicCalendar calendar, Map<LocalDate, String> holidays) {
        Map<DayOfWeek, String> opens = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> closes = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            ClinicCalendar.Hours h = calendar.hours().get(d);
            opens.put(d, h == null ? "" : h.opens().toString());
            closes.put(d, h == null ? "" : h.closes().toString());
        }
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(holidays).forEach((day, name) -> lines.append(day).append(' ').append(name).append('\n'));
        return new SiteForm(site.organizationId(), site.name(), site.timeZone().getId(), opens, closes, lines.toString());
    }

    /** Reads the posted form; the weekday inputs are named opens-MONDAY, closes-MONDAY, and so on. */
    static SiteForm from(MultiValueMap<String, String> params) {
        Map<DayOfWeek, String> opens = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> closes = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            opens.put(d, value(params, "opens-" + d.name()));
            closes.put(d, value(params, "closes-" + d.name()));
        }
        UUID org = null;
        try {
            String o = value(params, "organizationId");
            if (!o.isBlank()) org = UUID.fromString(o.strip());
        } catch (IllegalArgumentException e) {
            // left null: the page answers "not found" for an organization it cannot read
        }
        return new SiteForm(org, value(params, "name"), value(params, "timeZone"), opens, closes,
                value(params, "holidays"));
    }

    public List<DayOfWeek> days() {
        return List.of(DayOfWeek.values());
    }

    public String dayName(DayOfWeek day) {
        return ClinicHours.fullName(day);
    }

    /** Open days and their hours; a day with only one of its two times, or a time that is not one, is an error. */
    Map<DayOfWeek, ClinicCalendar.Hours> hours(FormErrors errors) {
        Map<DayOfWeek, ClinicCalendar.Hours> out = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            String open = opens.getOrDefault(d, "").strip();
            String close = closes.getOrDefault(d, "").strip();
            if (open.isEmpty() && close.isEmpty()) continue;
            String day = ClinicHours.fullName(d);
            if (open.isEmpty() || close.isEmpty()) {
                errors.add("hours-" + d.name(), day + ": enter both the opening and the closing time, or leave both empty for a closed day.");
                continue;
            }
            LocalTime o = time(open);
            LocalTime c = time(close);
            if (o == null || c == null) {
                errors.add("hours-" + d.name(), day + ": use times such as 08:00 and 17:30.");
            } else if (!o.isBefore(c)) {
                errors.add("hours-" + d.name(), day + ": the clinic must open before it closes.");
            } else {
                out.put(d, new ClinicCalendar.Hours(o, c));
            }
        }
        return out;
    }

    /** The holidays by date; each bad line is reported with its number. */
    Map<LocalDate, String> holidays(FormErrors errors) {
        Map<LocalDate, String> out = new TreeMap<>();
        Map<LocalDate, Integer> seenOn = new HashMap<>();
        String[] lines = holidays == null ? new String[0] : holidays.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty()) continue;
            Matcher m = HOLIDAY.matcher(line);
            m.matches();
            String datePart = m.group(1);
            String name = m.group(2).strip();
            if (!ISO_DATE.matcher(datePart).matches()) {
                errors.add("holidays", "Line " + number + " (\"" + abbreviate(line) + "\"): start with the date as YYYY-MM-DD, then the name, e.g. 2026-12-25 Christmas Day.");
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(datePart);
            } catch (DateTimeParseException e) {
                errors.add("holidays", "Line " + number + ": " + datePart + " is not a date in the calendar.");
                continue;
            }
            if (name.isEmpty()) {
                errors.add("holidays", "Line " + number + ": add the holiday's name after " + datePart + ".");
            } else if (name.length() > 200) {
                errors.add("holidays", "Line " + number + ": the name is longer than 200 characters.");
            } else if (seenOn.containsKey(date)) {
                errors.add("holidays", "Line " + number + ": " + datePart + " is already listed on line " + seenOn.get(date) + ".");
            } else {
                seenOn.put(date, number);
                out.put(date, name);
            }
        }
        return out;
    }

    private static LocalTime time(String s) {
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
