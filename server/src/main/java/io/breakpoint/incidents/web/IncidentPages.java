package io.breakpoint.incidents.web;

import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.incidents.IncidentStatus;
import io.breakpoint.incidents.IncidentViews.Detail;
import io.breakpoint.incidents.IncidentViews.Outcome;
import io.breakpoint.incidents.IncidentViews.Summary;
import io.breakpoint.incidents.MajorIncidents;
import io.breakpoint.tickets.TicketDesk;
import io.breakpoint.tickets.TicketFilter;
import io.breakpoint.tickets.TicketView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The engineers' console for major incidents: the list (open first), and an incident page whose actions (one reply
 * to every requester, resolve all, link and unlink) are htmx forms answering with the refreshed incident.
 * Practice managers and the vCIO read the same pages without the actions.
 */
@Controller
@RequestMapping("/incidents")
@PreAuthorize("hasAnyRole('ORG_ADMIN','INTERNAL_IT','TIER1','TIER2','TIER3','VCIO','MSP_ADMIN')")
class IncidentPages {

    /** Role before body: someone who may not change incidents hears so, not what is wrong with their request. */
    @ModelAttribute
    void deskStaffForChanges(jakarta.servlet.http.HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !Actors.current().role().isDeskStaff()) {
            throw new ForbiddenException("Only desk staff can change major incidents.");
        }
    }

    private final MajorIncidents incidents;
    private final TicketDesk desk;

    IncidentPages(MajorIncidents incidents, TicketDesk desk) {
        this.incidents = incidents;
        this.desk = desk;
    }

    @GetMapping
    String list(Model model) {
        List<Summary> all = incidents.list(null);
        model.addAttribute("open", all.stream().filter(i -> i.status() == IncidentStatus.OPEN).toList());
        model.addAttribute("resolved", all.stream().filter(i -> i.status() == IncidentStatus.RESOLVED).limit(50).toList());
        model.addAttribute("nav", "incidents");
        return "incidents/list";
    }

    @GetMapping("/{id}")
    String incident(@PathVariable UUID id, Model model) {
        return page(incidents.get(id), null, model, "incidents/incident");
    }

    @PostMapping("/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(required = false) String body, Model model) {
        Outcome o = incidents.reply(id, body);
        return page(o.incident(), "Reply sent to the requesters of " + tickets(o.ticketsReached())
                + (o.ticketsSkipped() > 0 ? " (" + o.ticketsSkipped() + " closed, left out)" : "") + ".", model, "incidents/incident :: incident");
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam(required = false) String resolution, Model model) {
        Outcome o = incidents.resolve(id, resolution);
        return page(o.incident(), "Incident resolved with " + tickets(o.ticketsReached()) + "; every requester sees your message.",
                model, "incidents/incident :: incident");
    }

    @PostMapping("/{id}/link")
    String link(@PathVariable UUID id, @RequestParam(required = false) String reference, Model model) {
        UUID ticket = ticketByReference(reference);
        Detail d = incidents.link(id, ticket);
        return page(d, reference.strip().toUpperCase(Locale.ROOT) + " is linked.", model, "incidents/incident :: incident");
    }

    @PostMapping("/{id}/unlink")
    String unlink(@PathVariable UUID id, @RequestParam(required = false) UUID ticketId, Model model) {
        if (ticketId == null) throw new InvalidRequestException("ticketId", "Choose the ticket to unlink.");
        return page(incidents.unlink(id, ticketId), "Ticket unlinked.", model, "incidents/incident :: incident");
    }

    @PostMapping("/{id}/owner")
    String owner(@PathVariable UUID id, @RequestParam(required = false) String ownerId, @RequestParam(required = false) String note,
                 Model model) {
        UUID owner;
        try {
            owner = ownerId == null || ownerId.isBlank() ? null : UUID.fromString(ownerId.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("ownerId", "Choose who owns the incident.");
        }
        Detail d = incidents.handOver(id, owner, note);
        return page(d, "Incident handed to " + d.incident().owner().name() + ".", model, "incidents/incident :: incident");
    }

    /** "BP-1234" (or "1234") as the engineer sees it in the console, among the tickets they may see. */
    private UUID ticketByReference(String reference) {
        if (reference == null || !reference.strip().matches("(?i)(BP-)?\\d{1,18}")) {
            throw new InvalidRequestException("reference", "Give the ticket's reference, like BP-1234.");
        }
        String number = reference.strip().replaceFirst("(?i)^BP-", "");
        TicketFilter f = new TicketFilter(null, null, null, null, null, null, false, number, TicketFilter.Order.NEWEST, null, 5);
        return desk.list(f).items().stream().filter(t -> Long.toString(t.number()).equals(number)).map(TicketView::id)
                .findFirst().orElseThrow(() -> new NotFoundException("Ticket " + reference));
    }

    private String page(Detail d, String flash, Model model, String template) {
        Actor me = Actors.current();
        model.addAttribute("d", d);
        model.addAttribute("i", d.incident());
        model.addAttribute("work", me.role().isDeskStaff());
        model.addAttribute("owners", me.role().isDeskStaff() && d.incident().status() == IncidentStatus.OPEN
                ? incidents.possibleOwners(d.incident().id()) : List.of());
        model.addAttribute("flash", flash);
        model.addAttribute("nav", "incidents");
        return template;
    }

    private static String tickets(int n) {
        return n + (n == 1 ? " ticket" : " tickets");
    }
}
