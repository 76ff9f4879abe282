package io.breakpoint.identity.web;

import io.breakpoint.identity.ClinicCalendar;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A site's weekly hours in one short line, such as "Mon–Fri 08:00–17:00 · Sat 09:00–12:00". */
final class ClinicHours {

    private ClinicHours() {
    }

    static String summary(ClinicCalendar calendar) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            ClinicCalendar.Hours h = calendar.hours().get(days[i]);
            if (h == null) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < days.length && Objects.equals(calendar.hours().get(days[j + 1]), h)) j++;
            String range = j == i ? shortName(days[i]) : shortName(days[i]) + "–" + shortName(days[j]);
            parts.add(range + " " + h.opens() + "–" + h.closes());
            i = j + 1;
        }
        return parts.isEmpty() ? "No clinic hours (closed every day)" : String.join(" · ", parts);
    }

    static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    static String fullName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
