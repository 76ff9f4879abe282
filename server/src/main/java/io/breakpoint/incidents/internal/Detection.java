package io.breakpoint.incidents.internal;

import io.breakpoint.common.Channel;
import io.breakpoint.common.ConflictException;
import io.breakpoint.common.TransactionBatch;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.tickets.IncidentTickets;
import io.breakpoint.tickets.IncidentTickets.Member;
import io.breakpoint.tickets.TicketEvents.TicketOpened;
import io.breakpoint.tickets.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.*;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Watches new tickets for bursts (docs/decisions/0010): after the ticket's own transaction commits, a ticket of a
 * watched category joins an open incident of its kind and place that had a ticket within the window, or completes a
 * burst that opens one. A race (two instances or two listeners on one burst) ends on the link table's key: the
 * loser rolls back and tries once more, then finds the winner's incident to join.
 */
@Component
public class Detection {

    private static final Logger log = LoggerFactory.getLogger(Detection.class);

    private final BurstRules.Settings settings;
    private final IncidentStore store;
    private final IncidentTickets tickets;
    private final IncidentLinking linking;
    private final Directory directory;
    /** New tickets waiting for detection, in commit order; one thread takes all that wait at once. */
    private final BlockingQueue<TicketOpened> waiting = new LinkedBlockingQueue<>();
    private final Thread detector;
    private volatile boolean running = true;
    private final TransactionTemplate tx;

    Detection(BurstRules.Settings settings, IncidentStore store, IncidentTickets tickets, IncidentLinking linking,
              Directory directory, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.store = store;
        this.tickets = tickets;
        this.linking = linking;
        this.directory = directory;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.detector = new Thread(this::run, "incident-detection");
        this.detector.setDaemon(true);
        this.detector.start();
    }

    /*
     * One detector per instance: detection decisions of one instance never race each other (two tasks on one burst
     * would both open an incident, and one roll back), and what piles up while it works is taken as one group.
     */
    private void run() {
        List<TicketOpened> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_GROUP - 1);
                detect(List.copyOf(batch));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) { // the detector must outlive any one group
                log.warn("Incident detection of {} tickets failed: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    private static final int MAX_GROUP = 512;

    @PreDestroy
    void stop() {
        running = false;
        detector.interrupt();
    }

    /*
     * Not a @TransactionalEventListener: Spring Modulith keeps a publication row (written, then completed) for every
     * such listener and event, which cost intake more than the detection itself. The watched tickets of a transaction
     * (intake writes many at once) are instead handed to the detector's queue after the commit. A decision lost
     * in a crash costs little: detection counts from the tickets themselves, so the next ticket of the burst finds
     * the whole window.
     */
    @EventListener
    void on(TicketOpened event) {
        if (!settings.watches(event.category())) return;
        newTickets.add(event);
    }

    /** The watched tickets of a transaction, handed to the detector after it commits. */
    private final TransactionBatch<TicketOpened> newTickets = new TransactionBatch<>(TransactionBatch.When.AFTER_COMMIT, waiting::addAll);

    private void detect(List<TicketOpened> batch) {
        Channel.runAs(Channel.SYS, () -> {
            if (batch.size() > 1) {
                try {
                    Known known = new Known(true);
                    // Tickets an incident opened for an earlier group took along (they arrived before it) are not
                    // considered again: one read for the group, where a failed link would roll all of it back.
                    known.opened.addAll(store.linkedAmong(batch.stream().map(TicketOpened::ticketId).toList()));
                    tx.executeWithoutResult(s -> { // one transaction for the group
                        batch.forEach(e -> consider(arrived(e), known));
                        joinDeferred(known);
                    });
                    return;
                } catch (RuntimeException raced) {
                    log.debug("Incident detection of {} tickets at once failed; one by one: {}", batch.size(), raced.toString());
                }
            }
            batch.forEach(this::detect);
        });
    }

    /** The event says all detection needs of the new ticket: no read of it. */
    private static Member arrived(TicketOpened event) {
        return new Member(event.ticketId(), "BP-" + event.number(), null, event.organizationId(),
                event.siteId(), event.requesterId(), event.category(), event.tier(), event.priority(),
                TicketStatus.TRIAGED, null, event.at());
    }

    private void detect(TicketOpened event) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                Member arrived = arrived(event); // the first attempt only: a retry reads the ticket as it is now
                boolean first = attempt == 1;
                tx.executeWithoutResult(s -> {
                    if (first) consider(arrived, new Known(false)); else consider(event.ticketId());
                });
                return;
            } catch (DataIntegrityViolationException | ConflictException raced) {
                log.info("Ticket {} raced another incident decision (attempt {}): {}", event.ticketId(), attempt, raced.getMessage());
            } catch (RuntimeException e) {
                log.warn("Incident detection failed for ticket {}: {}", event.ticketId(), e.toString());
                return;
            }
        }
    }

    /** Links the ticket to an open incident or opens one when it completes a burst; in the caller's transaction. */
    public void consider(UUID ticketId) {
        Member t = tickets.members(List.of(ticketId)).stream().findFirst().orElse(null);
        if (t == null || !t.open() || !settings.watches(t.category()) || !store.linkedAmong(List.of(ticketId)).isEmpty()) return;
        consider(t, new Known(false));
    }

    /**
     * What one transaction of detection learnt of the open incidents, so that a group of tickets of one kind (a burst
     * arrives as one) reads them once: the open incidents per organization and category, and their latest arrivals.
     */
    private static final class Known {
        final Map<String, List<Incident>> open = new HashMap<>();
        final Map<UUID, Instant> latest = new HashMap<>();
        final Set<UUID> asked = new HashSet<>();
        /** Tickets already linked: before the group, or by an incident opened in this transaction. */
        final Set<UUID> opened = new HashSet<>();
        /** Joins written together at the end of the transaction; null: each at once. */
        final List<IncidentLinking.Joining> deferred;

        Known(boolean deferJoins) {
            this.deferred = deferJoins ? new ArrayList<>() : null;
        }

        static String key(Member t) {
            return t.organizationId() + "|" + t.category();
        }
    }

    /** A ticket just opened (not linked yet: the link table's key refuses a second link of it anyway). */
    private void consider(Member t, Known known) {
        if (known.opened.contains(t.ticketId())) return; // already in an incident
        String place = placeOf(t.siteId(), t.organizationId());
        String kind = t.category().label();
        List<Incident> candidates = known.open.computeIfAbsent(Known.key(t),
                k -> new ArrayList<>(store.openOfKind(t.organizationId(), t.category())));
        List<UUID> unknown = candidates.stream().map(Incident::id).filter(id -> !known.asked.contains(id)).toList();
        if (!unknown.isEmpty()) {
            known.latest.putAll(store.latestArrivals(unknown));
            known.asked.addAll(unknown);
        }
        Optional<Incident> open = candidates.isEmpty() ? Optional.empty()
                : BurstRules.joinable(t, candidates, known.latest, settings.window());
        if (open.isPresent()) {
            String why = "another " + kind + " ticket from " + place + " within " + BurstRules.spoken(settings.window()) + " of its latest one.";
            if (known.deferred != null) {
                known.deferred.add(new IncidentLinking.Joining(open.get(), t, why));
            } else {
                Incident joined = linking.join(open.get(), t, null, why);
                candidates.replaceAll(i -> i.id().equals(joined.id()) ? joined : i); // its priority may have risen
            }
            known.latest.merge(open.get().id(), t.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
            return;
        }
        List<Member> recent = tickets.arrivals(t.organizationId(), t.category(), t.createdAt().minus(settings.window()));
        Set<UUID> linked = new HashSet<>(store.linkedAmong(recent.stream().map(Member::ticketId).toList()));
        if (known.deferred != null) known.deferred.forEach(j -> linked.add(j.member().ticketId())); // joined, not written yet
        List<Member> free = recent.stream().filter(m -> !linked.contains(m.ticketId())).toList();
        BurstRules.detect(t, free, settings).ifPresent(burst -> {
            String where = burst.siteId() != null ? place : placeOf(null, t.organizationId()) + " (several sites)";
            String title = kind + (burst.siteId() != null ? " at " : " across ") + where;
            String why = burst.tickets().size() + " " + kind + " tickets from " + where + " within "
                    + BurstRules.spoken(settings.window()) + " (threshold " + burst.threshold() + ").";
            Incident i = linking.open(title, t.organizationId(), burst.siteId(), burst.tickets(), null, why);
            known.open.remove(Known.key(t)); // the next ticket of the burst reads it and joins
            burst.tickets().forEach(m -> known.opened.add(m.ticketId()));
            log.info("Opened major incident {}: {}", i.reference(), why);
        });
    }

    private void joinDeferred(Known known) {
        if (known.deferred == null || known.deferred.isEmpty()) return;
        linking.joinAll(known.deferred);
        known.deferred.clear();
    }

    private String placeOf(UUID siteId, UUID organizationId) {
        if (siteId != null) {
            Optional<SiteSummary> site = directory.site(siteId);
            if (site.isPresent()) return site.get().name();
        }
        return Objects.requireNonNullElse(directory.organizationName(organizationId), "the organization");
    }
}
