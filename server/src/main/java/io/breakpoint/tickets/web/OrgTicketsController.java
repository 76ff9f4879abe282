package io.breakpoint.tickets.web;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketDesk;
import io.breakpoint.tickets.TicketFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;

import java.util.UUID;

/**
 * The practice manager's and the vCIO's view: every ticket of the organizations they see, newest first, and a
 * read-only ticket page (internal notes only for those whose role reads them, i.e. the vCIO).
 */
@Controller
@RequestMapping("/org/tickets")
@PreAuthorize("hasAnyRole('ORG_ADMIN','VCIO')")
class OrgTicketsController {

    private final TicketDesk desk;
    private final TicketLists lists;
    private final ClinicTime time;

    OrgTicketsController(TicketDesk desk, TicketLists lists, ClinicTime time) {
        this.desk = desk;
        this.lists = lists;
        this.time = time;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID org, @RequestParam(required = false) UUID site,
                @RequestParam(required = false) Priority priority, @RequestParam(defaultValue = QueueQuery.ANY) String status,
                @RequestParam(name = "q", required = false) String search, @RequestParam(required = false) String cursor,
                @RequestHeader(name = "HX-Request", required = false) String hx,
                @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore, Model model) {
        Actor me = Actors.current();
        QueueQuery q = new QueueQuery(null, false, org, site, priority, status, QueueQuery.limited(search), cursor);
        lists.fill(model, me, q, TicketFilter.Order.NEWEST, "/org/tickets", "/org/tickets/");
        model.addAttribute("console", false);
        model.addAttribute("heading", "Tickets of your organization" + (me.visibleOrganizations().size() > 1 ? "s" : ""));
        model.addAttribute("nav", "org");
        return TicketLists.partial(hx, restore) ? "tickets/queue :: queue" : "tickets/queue";
    }

    @GetMapping("/{id}")
    String ticket(@PathVariable UUID id, Model model) {
        Actor me = Actors.current();
        model.addAttribute("t", TicketFacts.of(desk.get(id), time, !me.role().seesInternalNotes()));
        model.addAttribute("work", null);
        model.addAttribute("back", "/org/tickets");
        model.addAttribute("nav", "org");
        return "tickets/ticket";
    }
}
