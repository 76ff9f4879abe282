package io.breakpoint.tickets;

import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import io.breakpoint.tickets.TicketImport.Assigned;
import io.breakpoint.tickets.TicketImport.PastTicket;
import io.breakpoint.tickets.TicketImport.Resolved;
import io.breakpoint.tickets.internal.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolved tickets close by themselves after the configured period (7 days by default). */
abstract class AutoCloseTest extends ApiTest {

    @Autowired
    TicketImport tickets;
    @Autowired
    AutoClose autoClose;

    @Test
    void resolvedTicketsCloseAfterSevenDaysAndNotBefore() {
        UUID eightDays = resolvedDaysAgo(8);
        UUID sixDays = resolvedDaysAgo(6);

        autoClose.closeDue();

        JsonNode closed = api.as(clinics.ellis()).get("/api/v1/tickets/" + eightDays).expect(200);
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closedAt").isNull()).isFalse();
        assertThat(TicketJourneyTest.kinds(closed)).endsWith("CLOSED");
        assertThat(api.as(clinics.ellis()).get("/api/v1/tickets/" + sixDays).expect(200).path("status").asString())
                .isEqualTo("RESOLVED");
        assertThat(jdbc.sql("select channel from audit_events where ticket_id = ? and action = 'TICKET_CLOSED'")
                .param(eightDays).query(String.class).list()).containsExactly("SYS");
    }

    @Test
    void aClosedTicketIsClosedOnce() {
        UUID id = resolvedDaysAgo(9);
        autoClose.closeDue();
        autoClose.closeDue();
        assertThat(jdbc.sql("select count(*) from ticket_entries where ticket_id = ? and kind = 'CLOSED'")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    private UUID resolvedDaysAgo(int days) {
        Instant resolved = Instant.now().minus(Duration.ofDays(days));
        Instant opened = resolved.minus(Duration.ofHours(3));
        UUID[] id = new UUID[1];
        clinics.asMspAdmin(() -> id[0] = tickets.importTicket(new PastTicket(clinics.chesterfield(), clinics.ellis().id(),
                "Scanner offline (" + days + " days ago)", "The scanner at check-in shows offline.",
                Category.PRINTING_SCANNING, Priority.P3, 1, null, opened, List.of(
                        new Assigned(opened.plusSeconds(60), clinics.ava().id(), clinics.ava().id()),
                        new Resolved(resolved, clinics.ava().id(), "Re-paired the scanner.")))));
        return id[0];
    }
}

@OnH2
class AutoCloseOnH2Test extends AutoCloseTest {
}

@OnPostgres
class AutoCloseOnPostgresTest extends AutoCloseTest {
}
