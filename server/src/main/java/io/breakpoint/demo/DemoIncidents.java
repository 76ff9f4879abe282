package io.breakpoint.demo;

import io.breakpoint.identity.Administration;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.incidents.ImportedTickets;
import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Impact;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketImport;
import io.breakpoint.tickets.TicketImport.Assigned;
import io.breakpoint.tickets.TicketImport.PastTicket;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One open major incident for the demo: in the last few minutes five people at Chesterfield Clinic reported the EMR
 * slow; the desk opened the incident itself, as it would live, and Ben (Tier 2) owns it because routing gave him
 * most of the tickets.
 */
@Component
class DemoIncidents {

    private final Administration admin;
    private final TicketImport tickets;
    private final ImportedTickets incidents;
    private final Clock clock;

    DemoIncidents(Administration admin, TicketImport tickets, ImportedTickets incidents, Clock clock) {
        this.admin = admin;
        this.tickets = tickets;
        this.incidents = incidents;
        this.clock = clock;
    }

    record Report(UUID requester, String subject, String description) {
    }

    void seed(UUID riverbend, UUID chesterfield, UUID ellis, UUID ben, String password) {
        UUID cole = admin.createPerson(new NewPerson("rn.cole@riverbend.demo", "Robin Cole", Role.REQUESTER, riverbend,
                chesterfield, Set.of(), password));
        UUID park = admin.createPerson(new NewPerson("fd.park@riverbend.demo", "Jamie Park", Role.REQUESTER, riverbend,
                chesterfield, Set.of(), password));
        List<Report> reports = List.of(
                new Report(ellis, "EMR very slow in exam room 2", "Charts take about a minute to open, patients are waiting."),
                new Report(cole, "Epic freezing at nurses station", "Spinning wheel every time I open the vitals flowsheet."),
                new Report(park, "Check-in screen lagging", "The EMR check-in takes forever, the waiting room is filling up."),
                new Report(ellis, "EMR timing out when signing orders", "Signing orders times out twice before it goes through."),
                new Report(cole, "EMR super slow again", "Everything in the chart is slow since about 10 minutes ago."));
        Instant start = clock.instant().minus(Duration.ofMinutes(9));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            Instant at = start.plus(Duration.ofSeconds(100L * i));
            // Routing gave Ben the first three; the last two wait in the Tier 2 queue.
            List<TicketImport.Step> steps = i < 3 ? List.of(new Assigned(at.plusSeconds(2), null, ben)) : List.of();
            ids.add(tickets.importTicket(new PastTicket(chesterfield, r.requester(), r.subject(), r.description(),
                    Category.EMR_PERFORMANCE, i == 0 ? Priority.P2 : Priority.P3, 2, Impact.SEVERAL_PEOPLE, at, steps)));
        }
        incidents.consider(ids);
    }
}
