package io.breakpoint.tickets;

import io.breakpoint.tickets.internal.TicketStore.QualityRow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.*;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * How well the desk's automation and promises hold, from ticket history, in plain Java: SLA attainment per priority
 * and breaches, automatic-routing accuracy, triage accuracy as corrected by engineers, major incidents, and all of
 * them by day and by hour of day in the site's time zone. Targets: see {@link DeskMetrics}.
 */
public final class DeskQuality {

    private DeskQuality() {
    }

    /**
     * Met: answered (or resolved) by the due time. Missed: later, or not yet while the due time has passed. A clock
     * still running counts in neither, so the rate is null until one is decided (as in the SLA metrics).
     */
    public record Attainment(long met, long missed, Double rate) {
    }

    public record PriorityAttainment(Priority priority, long tickets, Attainment firstResponse, Attainment resolution,
                                     long breaches) {
    }

    /** Of the tickets the desk routed itself, the share never reassigned afterwards. */
    public record RoutingAccuracy(long routedAutomatically, long neverReassigned, Double rate) {
    }

    /** Of the triaged tickets, the share whose category, priority and tier no person corrected. */
    public record TriageAccuracy(long triaged, long uncorrected, Double rate) {
    }

    /** Major incidents opened in the period that link tickets of the organizations asked about. */
    public record IncidentFigures(long opened, long resolved, long ticketsLinked, Double averageMinutesToResolve) {
    }

    /** One day ("2026-11-25") or one hour of the day ("14"), in the site's time zone. */
    public record Slice(String key, long ticketsOpened, Attainment firstResponse, Attainment resolution, long breaches,
                        RoutingAccuracy routing, TriageAccuracy triage, long incidentsOpened) {
    }

    public static List<PriorityAttainment> byPriority(List<QualityRow> rows, Instant now) {
        List<PriorityAttainment> out = new ArrayList<>();
        for (Priority p : Priority.values()) {
            List<QualityRow> of = rows.stream().filter(r -> r.priority() == p).toList();
            out.add(new PriorityAttainment(p, of.size(), firstResponse(of, now), resolution(of, now), breaches(of)));
        }
        return out;
    }

    public static Attainment firstResponse(List<QualityRow> rows, Instant now) {
        return attainment(rows, QualityRow::firstResponseAt, QualityRow::firstResponseDueAt, now);
    }

    public static Attainment resolution(List<QualityRow> rows, Instant now) {
        return attainment(rows, QualityRow::resolvedAt, QualityRow::resolutionDueAt, now);
    }

    public static long breaches(List<QualityRow> rows) {
        return rows.stream().mapToLong(QualityRow::breaches).sum();
    }

    public static RoutingAccuracy routing(List<QualityRow> rows) {
        long routed = rows.stream().filter(QualityRow::routedByDesk).count();
        long kept = rows.stream().filter(r -> r.routedByDesk() && r.reassignments() == 0).count();
        return new RoutingAccuracy(routed, kept, share(kept, routed));
    }

    public static TriageAccuracy triage(List<QualityRow> rows) {
        long triaged = rows.stream().filter(QualityRow::triaged).count();
        long kept = rows.stream().filter(r -> r.triaged() && !r.correctedByPerson()).count();
        return new TriageAccuracy(triaged, kept, share(kept, triaged));
    }

    public static IncidentFigures incidents(List<LinkedIncidents.Facts> facts) {
        long resolved = facts.stream().filter(f -> f.resolvedAt() != null).count();
        double minutes = facts.stream().filter(f -> f.resolvedAt() != null)
                .mapToLong(f -> Duration.between(f.openedAt(), f.resolvedAt()).toSeconds()).sum() / 60.0;
        return new IncidentFigures(facts.size(), resolved, facts.stream().mapToLong(LinkedIncidents.Facts::ticketsLinked).sum(),
                resolved == 0 ? null : Math.round(minutes / resolved * 10) / 10.0);
    }

    /** Per day the tickets were opened, in their site's zone, oldest first; days without tickets are left out. */
    public static List<Slice> byDay(List<QualityRow> rows, List<LinkedIncidents.Facts> incidents, Map<UUID, ZoneId> zones,
                                    Instant now) {
        return slices(rows, incidents, (at, site) -> LocalDate.ofInstant(at, zone(zones, site)).toString(), now);
    }

    /** Per hour of the day the tickets were opened ("07" is 07:00–07:59 at the site), over the whole period. */
    public static List<Slice> byHourOfDay(List<QualityRow> rows, List<LinkedIncidents.Facts> incidents,
                                          Map<UUID, ZoneId> zones, Instant now) {
        return slices(rows, incidents, (at, site) -> String.format("%02d", at.atZone(zone(zones, site)).getHour()), now);
    }

    private interface Key {
        String of(Instant at, UUID siteId);
    }

    private static List<Slice> slices(List<QualityRow> rows, List<LinkedIncidents.Facts> incidents, Key key, Instant now) {
        Map<String, List<QualityRow>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(key.of(r.createdAt(), r.siteId()), k -> new ArrayList<>()).add(r));
        Map<String, Long> opened = new TreeMap<>();
        incidents.forEach(f -> opened.merge(key.of(f.openedAt(), f.siteId()), 1L, Long::sum));
        opened.keySet().forEach(k -> groups.computeIfAbsent(k, x -> new ArrayList<>()));
        List<Slice> out = new ArrayList<>();
        groups.forEach((k, of) -> out.add(new Slice(k, of.size(), firstResponse(of, now), resolution(of, now), breaches(of),
                routing(of), triage(of), opened.getOrDefault(k, 0L))));
        return out;
    }

    private static ZoneId zone(Map<UUID, ZoneId> zones, UUID site) {
        return site == null ? ZoneOffset.UTC : zones.getOrDefault(site, ZoneOffset.UTC);
    }

    private static Attainment attainment(List<QualityRow> rows, Function<QualityRow, Instant> done,
                                         Function<QualityRow, Instant> due, Instant now) {
        long met = 0, missed = 0;
        for (QualityRow r : rows) {
            Instant d = due.apply(r);
            Instant at = done.apply(r);
            if (d == null) continue;
            if (at != null) {
                if (at.isAfter(d)) missed++; else met++;
            } else if (now.isAfter(d)) {
                missed++;
            }
        }
        return new Attainment(met, missed, share(met, met + missed));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round((double) part / whole * 10_000) / 10_000.0;
    }

}
