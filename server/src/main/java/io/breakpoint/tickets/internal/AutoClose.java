package io.breakpoint.tickets.internal;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.Channel;
import io.breakpoint.tickets.TicketEvents.TicketClosed;
import io.breakpoint.tickets.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Closes tickets resolved longer ago than the configured time (7 days by default). Safe to run on several
 * instances at once: each close is a versioned update, so a ticket is closed once and the other run skips it.
 */
@Component
public class AutoClose {

    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);

    private final TicketStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration after;

    AutoClose(TicketStore store, AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
              @Value("${breakpoint.tickets.auto-close-after:P7D}") Duration after) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${breakpoint.tickets.auto-close-check:PT5M}", initialDelayString = "PT30S")
    void run() {
        closeDue();
    }

    /** Closes what is due now; returns how many tickets it closed. */
    public int closeDue() {
        Instant cutoff = clock.instant().minus(after);
        int[] closed = {0};
        Channel.runAs(Channel.SYS, () -> {
            for (UUID id : store.resolvedBefore(cutoff, 500)) {
                try {
                    Boolean done = tx.execute(s -> close(id, cutoff));
                    if (Boolean.TRUE.equals(done)) closed[0]++;
                } catch (RuntimeException e) {
                    log.info("Ticket {} not closed this round: {}", id, e.getMessage());
                }
            }
        });
        if (closed[0] > 0) log.info("Closed {} tickets resolved before {}", closed[0], cutoff);
        return closed[0];
    }

    private boolean close(UUID id, Instant cutoff) {
        Ticket t = store.find(id).orElse(null);
        if (t == null || t.status() != TicketStatus.RESOLVED || !t.resolvedAt().isBefore(cutoff)) return false;
        Instant now = clock.instant();
        t.close(now);
        store.update(t);
        audit.record(null, "TICKET_CLOSED", t.organizationId(), t.id(), t.reference() + " closed automatically");
        events.publishEvent(new TicketClosed(t.id(), t.organizationId(), now));
        return true;
    }
}
