package io.breakpoint.tickets.internal;

import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketStatus;
import io.breakpoint.tickets.Triage;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Tickets in any state, reached through the lifecycle's own moves, so fixtures cannot hold impossible states. */
final class TicketFixtures {

    static final Instant OPENED = Instant.parse("2026-11-24T15:00:00Z");
    static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID SITE = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    static final UUID ELLIS = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID AVA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    private TicketFixtures() {
    }

    /** {@code minutes} after the ticket was opened. */
    static Instant after(int minutes) {
        return OPENED.plus(Duration.ofMinutes(minutes));
    }

    static Ticket aNewTicket() {
        return Ticket.open(UUID.randomUUID(), 1001, ORGANIZATION, SITE, ELLIS, "EMR is slow in exam room 3",
                "Charts take a minute to open.", null, null, null, OPENED);
    }

    static Ticket aTicketInTierOneQueue() {
        Ticket t = aNewTicket();
        t.triage(new Triage.Decision(null, 1, Priority.P3, "Tier 1 queue"), OPENED);
        return t;
    }

    static Ticket aTicketAvaWorksOn() {
        Ticket t = aTicketInTierOneQueue();
        t.assign(AVA, AVA, after(1));
        return t;
    }

    static Ticket aTicketIn(TicketStatus status) {
        switch (status) {
            case NEW:
                return aNewTicket();
            case TRIAGED:
                return aTicketInTierOneQueue();
            case IN_PROGRESS:
                return aTicketAvaWorksOn();
            case WAITING_ON_REQUESTER:
            case WAITING_ON_VENDOR: {
                Ticket t = aTicketAvaWorksOn();
                t.changeStatus(status, AVA, after(2));
                return t;
            }
            case RESOLVED: {
                Ticket t = aTicketAvaWorksOn();
                t.resolve("Cleared the browser cache.", AVA, after(3));
                return t;
            }
            case CLOSED: {
                Ticket t = aTicketIn(TicketStatus.RESOLVED);
                t.close(after(60 * 24 * 8));
                return t;
            }
            default:
                throw new IllegalArgumentException(status.name());
        }
    }
}
