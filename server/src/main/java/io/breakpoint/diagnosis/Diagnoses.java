package io.breakpoint.diagnosis;

import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.diagnosis.internal.BreakpointEngine;
import io.breakpoint.diagnosis.internal.HeatMap;
import io.breakpoint.diagnosis.internal.MeasurementSource;
import io.breakpoint.diagnosis.internal.MeasurementSource.DeviceRef;
import io.breakpoint.diagnosis.internal.SiteMeasurements;
import io.breakpoint.diagnosis.internal.SiteMeasurements.ClinicHours;
import io.breakpoint.identity.*;
import io.breakpoint.tickets.TicketDesk;
import io.breakpoint.tickets.TicketView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.*;
import java.util.*;

/**
 * Diagnoses for the desk: a site now or over a window, a device, the window of a ticket. Clinic staff
 * (requesters) see the plain summary on their ticket, not these; a site or device the actor may not see is 404.
 * Other sites appear in a diagnosis only when the actor may see them.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class Diagnoses {

    /** The longest window one diagnosis looks at (the baselines look further back on their own). */
    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    private final MeasurementSource source;
    private final Directory directory;
    private final TicketDesk tickets;
    private final SlownessReports reports;
    private final DiagnosisThresholds thresholds;
    private final BreakpointEngine engine;
    private final Clock clock;

    Diagnoses(MeasurementSource source, Directory directory, TicketDesk tickets, SlownessReports reports,
              DiagnosisThresholds thresholds, Clock clock) {
        this.source = source;
        this.directory = directory;
        this.tickets = tickets;
        this.reports = reports;
        this.thresholds = thresholds;
        this.engine = new BreakpointEngine(thresholds);
        this.clock = clock;
    }

    /** The site over [from, to]; both null: the current window ending now. */
    public Diagnosis site(UUID siteId, Instant from, Instant to) {
        Actor actor = Actors.current();
        SiteSummary site = directory.site(actor, siteId);
        requireStaff(actor);
        Window w = window(from, to);
        return visibleOnly(actor, engine.diagnoseSite(measurements(site, w), w.from, w.to, clock.instant()));
    }

    public Diagnosis device(UUID deviceId, Instant from, Instant to) {
        Actor actor = Actors.current();
        DeviceRef device = visibleDevice(actor, deviceId);
        requireStaff(actor);
        return visibleOnly(actor, diagnoseDevice(device, window(from, to)));
    }

    /**
     * The diagnosis for a ticket's time: the reporting device's, for a one-click slowness report; otherwise its
     * site's, over the hour before the ticket was opened.
     */
    public Diagnosis ticket(UUID ticketId) {
        Actor actor = Actors.current();
        TicketView ticket = tickets.get(ticketId);
        requireStaff(actor);
        Optional<SlownessReports.Report> report = reports.forTicket(ticketId);
        Instant to = report.map(SlownessReports.Report::reportedAt).orElse(ticket.createdAt());
        Window w = new Window(to.minus(thresholds.currentWindow()), to);
        if (report.isPresent()) {
            Optional<DeviceRef> device = source.device(report.get().deviceId());
            if (device.isPresent()) return visibleOnly(actor, diagnoseDevice(device.get(), w));
        }
        SiteSummary site = directory.site(actor, ticket.siteId());
        return visibleOnly(actor, engine.diagnoseSite(measurements(site, w), w.from, w.to, clock.instant()));
    }

    /** What the site health page shows: the current diagnosis and the heat maps per site and per segment. */
    public record SiteHealth(SiteSummary site, Diagnosis diagnosis, HeatMap whole, List<HeatMap> segments,
                             SiteMeasurements measurements) {
    }

    public SiteHealth health(UUID siteId) {
        Actor actor = Actors.current();
        SiteSummary site = directory.site(actor, siteId);
        requireStaff(actor);
        Window w = window(null, null);
        SiteMeasurements m = measurements(site, w);
        Diagnosis d = visibleOnly(actor, engine.diagnoseSite(m, w.from, w.to, clock.instant()));
        List<HeatMap> segments = new ArrayList<>();
        for (SiteMeasurements.Segment s : m.segments()) {
            List<SiteMeasurements.Device> on = m.devices().stream().filter(x -> s.id().equals(x.segmentId())).toList();
            if (!on.isEmpty()) segments.add(HeatMap.of("Segment " + s.name(), on, site.timeZone()));
        }
        return new SiteHealth(site, d, HeatMap.of(site.name(), m.devices(), site.timeZone()), segments, m);
    }

    /** What the device page shows: the device, its diagnosis, and its measurements of the past week. */
    public record DeviceHealth(DeviceRef device, SiteSummary site, Diagnosis diagnosis, SiteMeasurements.Device measured) {
    }

    public DeviceHealth deviceHealth(UUID deviceId) {
        Actor actor = Actors.current();
        DeviceRef device = visibleDevice(actor, deviceId);
        requireStaff(actor);
        SiteSummary site = directory.site(actor, device.siteId());
        Window w = window(null, null);
        SiteMeasurements m = measurements(site, w);
        Diagnosis d = visibleOnly(actor, engine.diagnoseDevice(m, deviceId, w.from, w.to, clock.instant()));
        SiteMeasurements.Device measured = m.devices().stream().filter(x -> x.id().equals(deviceId)).findFirst().orElse(null);
        return new DeviceHealth(device, site, d, measured);
    }

    /** The device's diagnosis with nobody signed in: the one-click report, which the device itself sends. */
    Diagnosis deviceNow(UUID deviceId) {
        DeviceRef device = source.device(deviceId).orElseThrow(() -> new NotFoundException("Device " + deviceId));
        Diagnosis d = diagnoseDevice(device, window(null, null));
        // The report goes into a ticket of the device's organization: name no other organization's sites.
        return withSites(d, d.affectedSites().stream().filter(id -> directory.site(id)
                .map(s -> s.organizationId().equals(device.organizationId())).orElse(false)).toList());
    }

    /**
     * The site's diagnosis over the current window with nobody's visibility applied: for the compliance evidence
     * ({@link EmrLagEvidence}), which answers for the site's own organization and reads only its recurring windows.
     */
    Diagnosis siteNow(UUID siteId) {
        SiteSummary site = directory.site(siteId).orElseThrow(() -> new NotFoundException("Site " + siteId));
        Window w = window(null, null);
        Diagnosis d = engine.diagnoseSite(measurements(site, w), w.from, w.to, clock.instant());
        return withSites(d, d.affectedSites().stream().filter(id -> directory.site(id)
                .map(s -> s.organizationId().equals(site.organizationId())).orElse(false)).toList());
    }

    /** The sites the actor may see, for the health overview. */
    public List<SiteSummary> sites() {
        Actor actor = Actors.current();
        requireStaff(actor);
        return directory.sites(actor, null);
    }

    private Diagnosis diagnoseDevice(DeviceRef device, Window w) {
        SiteSummary site = directory.site(device.siteId()).orElseThrow(() -> new NotFoundException("Device " + device.id()));
        return engine.diagnoseDevice(measurements(site, w), device.id(), w.from, w.to, clock.instant());
    }

    private SiteMeasurements measurements(SiteSummary site, Window w) {
        return measure(source, directory, thresholds, site, w.from, w.to);
    }

    /**
     * What a diagnosis of the site over [from, to] reads: the window and the baseline weeks before it. Static, so
     * that the desk's own warm-up ({@link SiteWarmUp}) reads through the same caches without a signed-in person.
     */
    static SiteMeasurements measure(MeasurementSource source, Directory directory, DiagnosisThresholds thresholds,
                                    SiteSummary site, Instant from, Instant to) {
        ClinicCalendar calendar = directory.calendar(site.id());
        Map<DayOfWeek, ClinicHours> hours = new EnumMap<>(DayOfWeek.class);
        calendar.hours().forEach((day, h) -> hours.put(day, new ClinicHours(h.opens(), h.closes())));
        Instant historyFrom = from.minus(Duration.ofDays(7L * thresholds.baselineWeeks()));
        return source.site(site.id(), site.name(), site.timeZone(), hours, historyFrom, to);
    }

    private DeviceRef visibleDevice(Actor actor, UUID deviceId) {
        return source.device(deviceId).filter(d -> actor.canSee(d.organizationId()))
                .orElseThrow(() -> new NotFoundException("Device " + deviceId));
    }

    private static void requireStaff(Actor actor) {
        if (actor.is(Role.REQUESTER)) {
            throw new ForbiddenException("Diagnoses are for the desk and practice managers; your ticket shows the summary.");
        }
    }

    private Diagnosis visibleOnly(Actor actor, Diagnosis d) {
        return withSites(d, d.affectedSites().stream()
                .filter(id -> directory.site(id).map(s -> actor.canSee(s.organizationId())).orElse(false)).toList());
    }

    private static Diagnosis withSites(Diagnosis d, List<UUID> sites) {
        List<Finding> also = d.alsoSeen().stream().map(f -> new Finding(f.breakpoint(), f.confidence(), f.headline(), f.summary(),
                f.evidence(), f.devices(), f.sites().stream().filter(sites::contains).toList())).toList();
        return new Diagnosis(d.siteId(), d.deviceId(), d.from(), d.to(), d.breakpoint(), d.confidence(), d.headline(), d.summary(),
                d.evidence(), d.affectedDevices(), sites, d.recurring(), also);
    }

    private record Window(Instant from, Instant to) {
    }

    private Window window(Instant from, Instant to) {
        Instant now = clock.instant();
        if (from == null && to == null) return new Window(now.minus(thresholds.currentWindow()), now);
        if (to == null) to = now;
        if (from == null) from = to.minus(thresholds.currentWindow());
        if (!from.isBefore(to)) throw new InvalidRequestException("from", "The window must start before it ends.");
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidRequestException("to", "A diagnosis looks at 7 days at most.");
        }
        if (to.isAfter(now.plus(Duration.ofMinutes(5)))) throw new InvalidRequestException("to", "The window cannot end in the future.");
        return new Window(from, to);
    }
}
