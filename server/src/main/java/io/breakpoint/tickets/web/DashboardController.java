package io.breakpoint.tickets.web;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.tickets.DeskMetrics;
import io.breakpoint.tickets.DeskMetrics.Figures;
import io.breakpoint.tickets.DeskQuality;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The desk metrics against PRODUCT.md's targets, for the last 7 or 30 days, overall, per tier and per organization. */
@Controller
@PreAuthorize("hasAnyRole('ORG_ADMIN','INTERNAL_IT','TIER1','TIER2','TIER3','VCIO','MSP_ADMIN')")
class DashboardController {

    private final DeskMetrics metrics;
    private final Directory directory;
    private final ClinicTime time;

    DashboardController(DeskMetrics metrics, Directory directory, ClinicTime time) {
        this.metrics = metrics;
        this.directory = directory;
        this.time = time;
    }

    /** A figure as shown: its text and whether it meets its target (null: no target, or no data yet). */
    record Cell(String text, Boolean met) {
    }

    /** A headline figure: "Same-day resolution: 91% (target 93%)". */
    record Headline(String name, Cell value, String target, String hint) {
    }

    record FigureRow(String label, long opened, long resolved, Cell averageFirstResponse, Cell p90FirstResponse,
                     Cell sameDay, Cell reassignments, long totalReassignments) {

        static FigureRow of(String label, Figures f) {
            // The average is rounded to 4 places, so average × opened gives back the exact whole total.
            long total = f.averageReassignments() == null ? 0 : Math.round(f.averageReassignments() * f.ticketsOpened());
            return new FigureRow(label, f.ticketsOpened(), f.ticketsResolved(), seconds(f.averageFirstResponseSeconds()),
                    seconds(f.p90FirstResponseSeconds()), rate(f.sameDayResolutionRate()), passes(f.averageReassignments()),
                    total);
        }
    }

    record Choice(String value, String label) {
    }

    /** SLA attainment of one priority: "P1 · Critical", tickets, first response, resolution, breaches. */
    record PriorityRow(String label, long tickets, Cell firstResponse, Cell resolution, long breaches) {
    }

    /** One day or hour of the day; {@code bar} is the ticket count as a share of the busiest slice (0–100). */
    record SliceRow(String label, long opened, int bar, Cell firstResponse, Cell resolution, long breaches, Cell routing,
                    Cell triage, long incidents) {

        static List<SliceRow> of(List<DeskQuality.Slice> slices, java.util.function.Function<String, String> label) {
            long busiest = slices.stream().mapToLong(DeskQuality.Slice::ticketsOpened).max().orElse(0);
            return slices.stream().map(s -> new SliceRow(label.apply(s.key()), s.ticketsOpened(),
                    busiest == 0 ? 0 : (int) Math.round(100.0 * s.ticketsOpened() / busiest),
                    share(s.firstResponse().rate(), DeskMetrics.TARGET_SLA_ATTAINMENT),
                    share(s.resolution().rate(), DeskMetrics.TARGET_SLA_ATTAINMENT), s.breaches(),
                    share(s.routing().rate(), DeskMetrics.TARGET_ROUTING_ACCURACY),
                    share(s.triage().rate(), DeskMetrics.TARGET_TRIAGE_ACCURACY), s.incidentsOpened())).toList();
        }
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(defaultValue = "30") int days, @RequestParam(required = false) UUID org, Model model) {
        Actor me = Actors.current();
        int span = days == 7 ? 7 : 30;
        Instant now = time.now();
        DeskMetrics.Report r = metrics.report(now.minus(Duration.ofDays(span)), now, org, now);
        Figures f = r.overall();
        FigureRow overall = FigureRow.of("All", f);
        List<Headline> headlines = new ArrayList<>();
        headlines.add(new Headline("Average first response", overall.averageFirstResponse(), "target 90 s",
                "From the ticket's arrival to the desk's first human reply"));
        headlines.add(new Headline("First response, 90th percentile", overall.p90FirstResponse(), "target 90 s",
                "Nine in ten tickets got their first reply within this time"));
        headlines.add(new Headline("Same-day resolution", overall.sameDay(), "target 93%",
                "Resolved on the clinic day they were opened, in the site's time zone"));
        headlines.add(new Headline("Average reassignments", overall.reassignments(), "target at most 1",
                overall.totalReassignments() + " passes to another tier or person over " + f.ticketsOpened() + " tickets"));
        headlines.add(new Headline("Opened", new Cell(Long.toString(f.ticketsOpened()), null), null, null));
        headlines.add(new Headline("Resolved", new Cell(Long.toString(f.ticketsResolved()), null), null, null));
        model.addAttribute("headlines", headlines);
        List<Headline> quality = new ArrayList<>();
        quality.add(new Headline("First responses on time", share(r.firstResponseAttainment().rate(), DeskMetrics.TARGET_SLA_ATTAINMENT),
                "target 95%", attained(r.firstResponseAttainment())));
        quality.add(new Headline("Resolutions on time", share(r.resolutionAttainment().rate(), DeskMetrics.TARGET_SLA_ATTAINMENT),
                "target 95%", attained(r.resolutionAttainment())));
        quality.add(new Headline("SLA breaches", new Cell(Long.toString(f.slaBreaches() == null ? 0 : f.slaBreaches()), null), null,
                "Missed due times the desk recorded for these tickets"));
        quality.add(new Headline("Automatic routing kept", share(r.routing().rate(), DeskMetrics.TARGET_ROUTING_ACCURACY), "target 90%",
                r.routing().neverReassigned() + " of " + r.routing().routedAutomatically() + " tickets the desk routed were never passed on"));
        quality.add(new Headline("Triage kept by engineers", share(r.triage().rate(), DeskMetrics.TARGET_TRIAGE_ACCURACY), "target 90%",
                r.triage().uncorrected() + " of " + r.triage().triaged() + " triaged tickets kept their category, priority and tier"));
        DeskQuality.IncidentFigures mi = r.incidents();
        quality.add(new Headline("Major incidents", new Cell(Long.toString(mi.opened()), null), null,
                mi.ticketsLinked() + " tickets linked, " + mi.resolved() + " resolved"));
        quality.add(new Headline("Time to resolve an incident", mi.averageMinutesToResolve() == null ? new Cell("No data", null)
                : new Cell(ClinicTime.spoken(Duration.ofSeconds(Math.round(mi.averageMinutesToResolve() * 60))),
                mi.averageMinutesToResolve() <= DeskMetrics.TARGET_INCIDENT_MINUTES), "target 4 h (P1 resolution)",
                "From opening the incident to resolving it, on average"));
        model.addAttribute("quality", quality);
        model.addAttribute("priorities", r.slaByPriority().stream().map(p -> new PriorityRow(p.priority().name() + " · " + p.priority().label(),
                p.tickets(), share(p.firstResponse().rate(), DeskMetrics.TARGET_SLA_ATTAINMENT),
                share(p.resolution().rate(), DeskMetrics.TARGET_SLA_ATTAINMENT), p.breaches())).toList());
        model.addAttribute("byDay", SliceRow.of(r.byDay(), d -> java.time.LocalDate.parse(d)
                .format(java.time.format.DateTimeFormatter.ofPattern("EEE MMM d", java.util.Locale.US))));
        model.addAttribute("byHour", SliceRow.of(r.byHourOfDay(), h -> h + ":00"));
        model.addAttribute("tiers", r.byTier().stream().map(t -> FigureRow.of("Tier " + t.tier(), t.figures())).toList());
        model.addAttribute("organizations", r.byOrganization().stream().map(o -> FigureRow.of(o.name(), o.figures())).toList());
        model.addAttribute("days", span);
        model.addAttribute("org", org);
        model.addAttribute("orgs", directory.organizations(me).stream().sorted(Comparator.comparing(OrganizationSummary::name))
                .map(o -> new Choice(o.id().toString(), o.name())).toList());
        model.addAttribute("period", time.format(r.from(), ZoneOffset.UTC) + " – " + time.format(r.to(), ZoneOffset.UTC));
        model.addAttribute("nav", "dashboard");
        return "tickets/dashboard";
    }

    static Cell seconds(Double s) {
        if (s == null) return new Cell("No data", null);
        return new Cell(ClinicTime.spoken(Duration.ofMillis(Math.round(s * 1000))), s <= DeskMetrics.TARGET_FIRST_RESPONSE_SECONDS);
    }

    static Cell rate(Double r) {
        if (r == null) return new Cell("No data", null);
        return new Cell(Math.round(r * 1000) / 10.0 + "%", r >= DeskMetrics.TARGET_SAME_DAY_RATE);
    }

    /** A share against a target that it should reach or pass: "96.5%", met. */
    static Cell share(Double r, double target) {
        if (r == null) return new Cell("No data", null);
        return new Cell(Math.round(r * 1000) / 10.0 + "%", r >= target);
    }

    private static String attained(DeskQuality.Attainment a) {
        return a.met() + " met, " + a.missed() + " missed (clocks still running are not counted)";
    }

    static Cell passes(Double p) {
        if (p == null) return new Cell("No data", null);
        return new Cell(String.format(java.util.Locale.US, "%.2f", p), p <= DeskMetrics.TARGET_REASSIGNMENTS);
    }
}
