package io.breakpoint.sla.internal;

import io.breakpoint.sla.SlaClock;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaSettingsTest {

    @Test
    void byDefaultBothWaitingStatesPauseBothClocksAndMissedFirstResponsesOfP1AndP2Escalate() {
        SlaSettings s = SlaSettings.defaults();
        for (SlaClock c : SlaClock.values()) {
            assertThat(s.pauses(c, TicketStatus.WAITING_ON_REQUESTER)).isTrue();
            assertThat(s.pauses(c, TicketStatus.WAITING_ON_VENDOR)).isTrue();
            assertThat(s.pauses(c, TicketStatus.IN_PROGRESS)).isFalse();
        }
        assertThat(s.escalates(SlaClock.FIRST_RESPONSE, Priority.P1)).isTrue();
        assertThat(s.escalates(SlaClock.FIRST_RESPONSE, Priority.P2)).isTrue();
        assertThat(s.escalates(SlaClock.FIRST_RESPONSE, Priority.P3)).isFalse();
        assertThat(s.escalates(SlaClock.RESOLUTION, Priority.P1)).isFalse();
    }

    @Test
    void whichStatesPauseWhichClockIsConfiguration() {
        SlaSettings s = new SlaSettings("waiting_on_requester", "", "", "P1", 0.8);
        assertThat(s.pauses(SlaClock.FIRST_RESPONSE, TicketStatus.WAITING_ON_REQUESTER)).isTrue();
        assertThat(s.pauses(SlaClock.FIRST_RESPONSE, TicketStatus.WAITING_ON_VENDOR)).isFalse();
        assertThat(s.pauses(SlaClock.RESOLUTION, TicketStatus.WAITING_ON_REQUESTER)).isFalse();
        assertThat(s.escalates(SlaClock.RESOLUTION, Priority.P1)).isTrue();
    }

    @Test
    void aClosedStateCannotPauseAClock() {
        assertThatThrownBy(() -> new SlaSettings("RESOLVED", "", "", "", 0.75)).isInstanceOf(IllegalArgumentException.class);
    }
}
