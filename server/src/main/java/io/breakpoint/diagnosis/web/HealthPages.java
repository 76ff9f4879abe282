package io.breakpoint.diagnosis.web;

import io.breakpoint.diagnosis.Diagnoses;
import io.breakpoint.diagnosis.Diagnosis;
import io.breakpoint.diagnosis.internal.SiteMeasurements;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Hop;
import io.breakpoint.identity.SiteSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.*;

/** The site health pages: every site's breakpoint, a site's heat maps and devices, a device, a ticket's panel. */
@Controller
class HealthPages {

    private final Diagnoses diagnoses;
    private final Clock clock;

    HealthPages(Diagnoses diagnoses, Clock clock) {
        this.diagnoses = diagnoses;
        this.clock = clock;
    }

    record SiteRow(SiteSummary site, Diagnosis diagnosis) {
    }

    @GetMapping("/health")
    String overview(Model model) {
        List<SiteRow> rows = new ArrayList<>();
        for (SiteSummary s : diagnoses.sites()) rows.add(new SiteRow(s, diagnoses.site(s.id(), null, null)));
        model.addAttribute("nav", "health");
        model.addAttribute("rows", rows);
        return "diagnosis/overview";
    }

    record DeviceRow(UUID id, String name, String segment, boolean affected) {
    }

    @GetMapping("/health/sites/{id}")
    String site(@PathVariable UUID id, Model model) {
        Diagnoses.SiteHealth h = diagnoses.health(id);
        Map<UUID, String> segments = new HashMap<>();
        h.measurements().segments().forEach(s -> segments.put(s.id(), s.name()));
        Set<UUID> affected = new HashSet<>(h.diagnosis().affectedDevices());
        h.diagnosis().alsoSeen().forEach(f -> affected.addAll(f.devices()));
        List<DeviceRow> devices = h.measurements().devices().stream()
                .map(d -> new DeviceRow(d.id(), d.name(), segments.getOrDefault(d.segmentId(), "no segment"), affected.contains(d.id())))
                .sorted(Comparator.comparing(DeviceRow::segment).thenComparing(DeviceRow::name)).toList();
        model.addAttribute("nav", "health");
        model.addAttribute("site", h.site());
        model.addAttribute("d", h.diagnosis());
        model.addAttribute("heat", h.whole().empty() ? null : Charts.heat(h.whole()));
        model.addAttribute("segmentHeat", h.segments().stream().filter(m -> !m.empty()).map(Charts::heat).toList());
        model.addAttribute("days", Charts.DAYS);
        model.addAttribute("devices", devices);
        model.addAttribute("zone", h.site().timeZone().getId());
        return "diagnosis/site";
    }

    @GetMapping("/health/devices/{id}")
    String device(@PathVariable UUID id, Model model) {
        Diagnoses.DeviceHealth h = diagnoses.deviceHealth(id);
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(7));
        List<Charts.Line> charts = new ArrayList<>();
        if (h.measured() != null) {
            for (Hop hop : Hop.values()) {
                List<SiteMeasurements.Point> points = h.measured().series(hop).stream()
                        .map(p -> new SiteMeasurements.Point(p.at().minus(h.measured().clockOffset()), p.ms(), p.jitterMs(), p.loss(), p.probes()))
                        .toList();
                if (!points.isEmpty()) charts.add(Charts.line(hop, points, from, to, h.site().timeZone()));
            }
        }
        model.addAttribute("nav", "health");
        model.addAttribute("device", h.device());
        model.addAttribute("site", h.site());
        model.addAttribute("d", h.diagnosis());
        model.addAttribute("charts", charts);
        return "diagnosis/device";
    }

    /** The diagnosis panel of a ticket page, loaded after the page (the engine reads weeks of telemetry). */
    @GetMapping("/health/tickets/{id}/panel")
    String ticketPanel(@PathVariable UUID id, Model model) {
        model.addAttribute("d", diagnoses.ticket(id));
        return "diagnosis/parts :: panel";
    }
}
