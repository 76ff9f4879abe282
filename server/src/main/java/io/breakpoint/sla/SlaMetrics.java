package io.breakpoint.sla;

import io.breakpoint.tickets.DeskMetrics;
import io.breakpoint.tickets.DeskQuality;
import io.breakpoint.tickets.Priority;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * SLA attainment per priority for tickets opened in a period: the share that met their first-response and
 * resolution due times, and the breaches recorded in their history. Scoped like the desk metrics: the organizations
 * the actor sees, or one of them (another is "not found"). The figures are the desk metrics' own
 * ({@link DeskMetrics#slaByPriority}, decision 0025), so this report and the dashboard cannot disagree; this class
 * only keeps the shape of {@code GET /api/v1/metrics/sla}.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN','INTERNAL_IT','TIER1','TIER2','TIER3','VCIO','MSP_ADMIN')")
public class SlaMetrics {

    private final DeskMetrics desk;

    SlaMetrics(DeskMetrics desk) {
        this.desk = desk;
    }

    /**
     * Met: answered (or resolved) by the due time. Missed: later, or not yet while the due time has passed. Tickets
     * whose clock still runs count in neither, so the attainment is null until one is decided.
     */
    public record Attainment(long met, long missed, Double rate) {
        static Attainment of(DeskQuality.Attainment a) {
            return new Attainment(a.met(), a.missed(), a.rate());
        }
    }

    public record PriorityFigures(Priority priority, long tickets, Attainment firstResponse, Attainment resolution,
                                  long breaches) {
    }

    public record Report(Instant from, Instant to, UUID organizationId, List<PriorityFigures> byPriority) {
    }

    public Report report(Instant from, Instant to, UUID organizationId, Instant now) {
        List<PriorityFigures> byPriority = desk.slaByPriority(from, to, organizationId, now).stream()
                .map(p -> new PriorityFigures(p.priority(), p.tickets(), Attainment.of(p.firstResponse()),
                        Attainment.of(p.resolution()), p.breaches()))
                .toList();
        return new Report(from, to, organizationId, byPriority);
    }
}
