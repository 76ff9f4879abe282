package io.breakpoint.tickets;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.breakpoint.tickets.TicketStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class TicketStatusTest {

    /** PRODUCT.md's lifecycle, written out independently of the enum. */
    private static final Map<TicketStatus, Set<TicketStatus>> LIFECYCLE = new EnumMap<>(Map.of(
            NEW, EnumSet.of(TRIAGED),
            TRIAGED, EnumSet.of(IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR, RESOLVED),
            IN_PROGRESS, EnumSet.of(TRIAGED, WAITING_ON_REQUESTER, WAITING_ON_VENDOR, RESOLVED),
            WAITING_ON_REQUESTER, EnumSet.of(TRIAGED, IN_PROGRESS, WAITING_ON_VENDOR, RESOLVED),
            WAITING_ON_VENDOR, EnumSet.of(TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, RESOLVED),
            RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS, TRIAGED),
            CLOSED, EnumSet.noneOf(TicketStatus.class)));

    @Test
    void allowsExactlyTheMovesOfTheLifecycle() {
        for (TicketStatus from : values()) {
            for (TicketStatus to : values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(LIFECYCLE.get(from).contains(to));
            }
        }
    }

    @Test
    void closedIsFinal() {
        assertThat(EnumSet.allOf(TicketStatus.class)).noneMatch(CLOSED::canMoveTo);
    }

    @Test
    void nothingReturnsToNew() {
        assertThat(EnumSet.allOf(TicketStatus.class)).noneMatch(s -> s.canMoveTo(NEW));
    }

    @Test
    void onlyTheWorkingStatesAreOpen() {
        assertThat(EnumSet.allOf(TicketStatus.class).stream().filter(TicketStatus::isOpen))
                .containsExactlyInAnyOrder(NEW, TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR);
    }
}
