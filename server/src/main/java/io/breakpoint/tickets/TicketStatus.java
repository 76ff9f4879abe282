package io.breakpoint.tickets;

import java.util.EnumSet;
import java.util.Set;

/** The ticket lifecycle of PRODUCT.md. Waiting states pause SLA clocks; CLOSED is final. */
public enum TicketStatus {
    NEW("New"), TRIAGED("Triaged"), IN_PROGRESS("In progress"), WAITING_ON_REQUESTER("Waiting on requester"),
    WAITING_ON_VENDOR("Waiting on vendor"), RESOLVED("Resolved"), CLOSED("Closed");

    public static final Set<TicketStatus> OPEN =
            EnumSet.of(NEW, TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR);

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The transitions the lifecycle allows; anything else is refused with a 409. */
    public boolean canMoveTo(TicketStatus next) {
        return switch (this) {
            case NEW -> next == TRIAGED;
            case TRIAGED -> next == IN_PROGRESS || next == WAITING_ON_REQUESTER || next == WAITING_ON_VENDOR || next == RESOLVED;
            case IN_PROGRESS -> next == TRIAGED || next == WAITING_ON_REQUESTER || next == WAITING_ON_VENDOR || next == RESOLVED;
            case WAITING_ON_REQUESTER -> next == IN_PROGRESS || next == TRIAGED || next == WAITING_ON_VENDOR || next == RESOLVED;
            case WAITING_ON_VENDOR -> next == IN_PROGRESS || next == TRIAGED || next == WAITING_ON_REQUESTER || next == RESOLVED;
            case RESOLVED -> next == CLOSED || next == IN_PROGRESS || next == TRIAGED;
            case CLOSED -> false;
        };
    }
}
