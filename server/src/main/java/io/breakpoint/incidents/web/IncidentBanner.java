package io.breakpoint.incidents.web;

import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.incidents.MajorIncidents;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * The layout's count of open major incidents (templates call {@code @incidentBanner.openCount()}) and the incident pages' times, so every page of
 * the console shows it without each controller asking. Zero for requesters and without a signed-in person.
 */
@Component("incidentBanner")
public class IncidentBanner {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, HH:mm z", Locale.US);

    private final MajorIncidents incidents;

    private final Directory directory;

    IncidentBanner(MajorIncidents incidents, Directory directory) {
        this.incidents = incidents;
        this.directory = directory;
    }

    /** Times on the incident pages in the site's time zone ("Nov 25, 10:42 CST"), or UTC without a site. */
    public String when(Instant at, UUID siteId) {
        if (at == null) return "";
        ZoneId zone = siteId == null ? ZoneOffset.UTC : directory.site(siteId).map(SiteSummary::timeZone).orElse(ZoneOffset.UTC);
        return WHEN.format(at.atZone(zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone));
    }

    public long openCount() {
        return Actors.currentIfAny().filter(a -> !a.is(Role.REQUESTER)).map(a -> incidents.openCount()).orElse(0L);
    }
}
