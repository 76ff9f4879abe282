package io.breakpoint.tickets.web;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Times as clinic staff read them: "Nov 25, 10:42 CST", in the ticket's site's time zone, or UTC (labelled)
 * when there is no site.
 */
@Component
class ClinicTime {

    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMM d, HH:mm z", Locale.US);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("MMM d yyyy, HH:mm z", Locale.US);

    /** Labelled "UTC" (not "Z") where a time has no site. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final Directory directory;
    private final Clock clock;

    ClinicTime(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    ZoneId zoneOf(UUID siteId) {
        if (siteId == null) return UTC;
        return directory.site(siteId).map(SiteSummary::timeZone).orElse(UTC);
    }

    /** The time zones of every site the actor sees, read once for a whole list. */
    Map<UUID, ZoneId> zones(Actor actor) {
        return directory.sites(actor, null).stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::timeZone));
    }

    String format(Instant at, ZoneId zone) {
        if (at == null) return null;
        ZonedDateTime t = at.atZone(zone == null || zone.equals(ZoneOffset.UTC) ? UTC : zone);
        boolean sameYear = t.getYear() == clock.instant().atZone(t.getZone()).getYear();
        return (sameYear ? THIS_YEAR : OTHER_YEAR).format(t);
    }

    String format(Instant at, Map<UUID, ZoneId> zones, UUID siteId) {
        return format(at, siteId == null ? null : zones.get(siteId));
    }

    /** "45 s", "3 min 5 s", "2 h 10 min": a duration as a person says it. */
    static String spoken(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        if (s < 86_400) return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
        return (s / 86_400) + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + (s % 86_400 / 3600) + " h");
    }

    Instant now() {
        return clock.instant();
    }
}
