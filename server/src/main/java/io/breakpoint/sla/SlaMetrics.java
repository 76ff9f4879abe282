package io.breakpoint.sla;

import io.breakpoint.common.ReportPeriod;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketPromises;
import io.breakpoint.tickets.TicketPromises.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.*;

/**
 * SLA attainment per priority for tickets opened in a period: the share that met their first-response and
 * resolution due times, and the breaches recorded for them. Scoped like the desk metrics: the organizations the
 * actor sees, or one of them (another is "not found").
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN','INTERNAL_IT','TIER1','TIER2','TIER3','VCIO','MSP_ADMIN')")
public class SlaMetrics {

    private final TicketPromises promises;
    private final Directory directory;
    private final JdbcClient jdbc;

    SlaMetrics(TicketPromises promises, Directory directory, JdbcClient jdbc) {
        this.promises = promises;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /**
     * Met: answered (or resolved) by the due time. Missed: later, or not yet while the due time has passed. Tickets
     * whose clock still runs count in neither, so the attainment is null until one is decided.
     */
    public record Attainment(long met, long missed, Double rate) {
    }

    public record PriorityFigures(Priority priority, long tickets, Attainment firstResponse, Attainment resolution,
                                  long breaches) {
    }

    public record Report(Instant from, Instant to, UUID organizationId, List<PriorityFigures> byPriority) {
    }

    @Transactional(readOnly = true)
    public Report report(Instant from, Instant to, UUID organizationId, Instant now) {
        Actor actor = Actors.current();
        new ReportPeriod(from, to);
        Set<UUID> orgs = directory.reportScope(actor, organizationId);
        List<Outcome> outcomes = promises.outcomes(orgs, from, to);
        Map<UUID, Long> breaches = breaches(orgs, from);
        List<PriorityFigures> byPriority = new ArrayList<>();
        for (Priority p : Priority.values()) {
            List<Outcome> of = outcomes.stream().filter(o -> o.priority() == p).toList();
            byPriority.add(new PriorityFigures(p, of.size(),
                    attainment(of, Outcome::firstResponseAt, Outcome::firstResponseDueAt, now),
                    attainment(of, Outcome::resolvedAt, Outcome::resolutionDueAt, now),
                    of.stream().mapToLong(o -> breaches.getOrDefault(o.ticketId(), 0L)).sum()));
        }
        return new Report(from, to, organizationId, byPriority);
    }

    private static Attainment attainment(List<Outcome> outcomes, java.util.function.Function<Outcome, Instant> done,
                                         java.util.function.Function<Outcome, Instant> due, Instant now) {
        long met = 0, missed = 0;
        for (Outcome o : outcomes) {
            Instant d = due.apply(o);
            Instant at = done.apply(o);
            if (d == null) continue;
            if (at != null) {
                if (at.isAfter(d)) missed++; else met++;
            } else if (now.isAfter(d)) {
                missed++;
            }
        }
        return new Attainment(met, missed, met + missed == 0 ? null : (double) met / (met + missed));
    }

    /** Breaches per ticket, of tickets in these organizations recorded since {@code from} (none is recorded before it opens). */
    private Map<UUID, Long> breaches(Set<UUID> orgs, Instant from) {
        if (orgs.isEmpty()) return Map.of();
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.sql("select ticket_id from sla_events where organization_id in (:orgs) and recorded_at >= :from and kind like '%BREACH'")
                .param("orgs", orgs).param("from", Timestamp.from(from))
                .query((rs, n) -> counts.merge(rs.getObject(1, UUID.class), 1L, Long::sum)).list();
        return counts;
    }
}
