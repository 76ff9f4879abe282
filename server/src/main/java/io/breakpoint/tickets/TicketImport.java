package io.breakpoint.tickets;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.tickets.internal.Ticket;
import io.breakpoint.tickets.internal.TicketStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Brings in tickets that happened elsewhere or earlier (a previous help desk, the demo's four weeks), with
 * their own times, through the same lifecycle rules as live work. MSP admins only.
 */
@Service
@PreAuthorize("hasRole('MSP_ADMIN')")
public class TicketImport {

    private final TicketStore store;
    private final Directory directory;
    private final AuditTrail audit;
    private final ServiceLevels serviceLevels;

    TicketImport(TicketStore store, Directory directory, AuditTrail audit, ServiceLevels serviceLevels) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.serviceLevels = serviceLevels;
    }

    public interface Step {
        Instant at();
    }

    public record Assigned(Instant at, UUID by, UUID assignee) implements Step {
    }

    public record Escalated(Instant at, UUID by, int toTier, String reason) implements Step {
    }

    public record Commented(Instant at, UUID by, String body, Visibility visibility, boolean byRequester) implements Step {
    }

    public record StatusChanged(Instant at, UUID by, TicketStatus status) implements Step {
    }

    public record Resolved(Instant at, UUID by, String resolution) implements Step {
    }

    public record Closed(Instant at) implements Step {
    }

    public record PastTicket(UUID siteId, UUID requesterId, String subject, String description, Category category,
                             Priority priority, int tier, Impact impact, Instant openedAt, List<Step> steps) {
    }

    @Transactional
    public UUID importTicket(PastTicket p) {
        Actor admin = Actors.current();
        SiteSummary site = directory.site(admin, p.siteId());
        Ticket t = Ticket.open(UUID.randomUUID(), store.nextNumber(), site.organizationId(), site.id(), p.requesterId(),
                TicketDesk.text("subject", p.subject(), TicketDesk.SUBJECT_MAX),
                TicketDesk.text("description", p.description(), TicketDesk.TEXT_MAX), p.impact(), p.category(), null,
                p.openedAt());
        t.triage(new Triage.Decision(p.category(), p.tier(), p.priority(), "Imported"), p.openedAt());
        t.promise(serviceLevels.promise(site.organizationId(), site.id(), p.priority(), p.openedAt()), p.openedAt());
        Instant last = p.openedAt();
        for (Step s : p.steps()) {
            if (s.at().isBefore(last)) throw new InvalidRequestException("steps", "Steps must be in time order.");
            last = s.at();
            if (s instanceof Assigned a) t.assign(a.assignee(), a.by(), a.at());
            else if (s instanceof Escalated e) t.escalate(e.toTier(), e.reason(), e.by(), e.at());
            else if (s instanceof Commented c) t.comment(c.body(), c.visibility(), c.byRequester(), c.by(), c.at());
            else if (s instanceof StatusChanged sc) t.changeStatus(sc.status(), sc.by(), sc.at());
            else if (s instanceof Resolved r) t.resolve(r.resolution(), r.by(), r.at());
            else if (s instanceof Closed c) t.close(c.at());
        }
        store.insert(t);
        audit.record(admin, "TICKET_IMPORTED", t.organizationId(), t.id(), t.reference());
        return t.id();
    }
}
