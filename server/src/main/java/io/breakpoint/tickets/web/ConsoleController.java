package io.breakpoint.tickets.web;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.tickets.*;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The engineers' console: a queue per tier with filters, and a ticket page whose actions are htmx forms that
 * answer with the refreshed ticket (facts, history, actions) instead of a new page.
 */
@Controller
@RequestMapping("/console")
@PreAuthorize("hasAnyRole('INTERNAL_IT','TIER1','TIER2','TIER3','MSP_ADMIN')")
class ConsoleController {

    private final TicketDesk desk;
    private final TicketLists lists;
    private final ClinicTime time;
    private final ObjectProvider<LinkedIncidents> incidents;

    ConsoleController(TicketDesk desk, TicketLists lists, ClinicTime time, ObjectProvider<LinkedIncidents> incidents) {
        this.desk = desk;
        this.lists = lists;
        this.time = time;
        this.incidents = incidents;
    }

    record Tab(String label, String url, Long count, boolean on) {
    }

    /** The choices of the ticket page's action forms. */
    record Work(List<TicketLists.Option> assignable, boolean canTake, List<Integer> otherTiers,
                List<TicketStatus> statuses, Category[] categories, Priority[] priorities) {
    }

    @GetMapping
    String queue(@RequestParam(required = false) Integer tier, @RequestParam(defaultValue = "false") boolean mine,
                 @RequestParam(required = false) UUID org, @RequestParam(required = false) UUID site,
                 @RequestParam(required = false) Priority priority, @RequestParam(defaultValue = QueueQuery.OPEN) String status,
                 @RequestParam(name = "q", required = false) String search, @RequestParam(required = false) String cursor,
                 @RequestHeader(name = "HX-Request", required = false) String hx,
                 @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore, Model model) {
        Actor me = Actors.current();
        Integer t = mine ? null : tier != null ? tier : me.role().tier() != null ? me.role().tier() : 1;
        QueueQuery q = new QueueQuery(t, mine, org, site, priority, status, QueueQuery.limited(search), cursor);
        lists.fill(model, me, q, TicketFilter.Order.QUEUE, "/console", "/console/tickets/");
        Map<Integer, Long> counts = desk.openCountsByTier(org);
        List<Tab> tabs = new ArrayList<>();
        IntStream.rangeClosed(1, 3).forEach(n -> tabs.add(new Tab("Tier " + n, q.forTier(n).url("/console", null),
                counts.getOrDefault(n, 0L), !mine && t == n)));
        tabs.add(new Tab("Assigned to me", q.mineOnly().url("/console", null), null, mine));
        model.addAttribute("tabs", tabs);
        model.addAttribute("console", true);
        model.addAttribute("heading", mine ? "Assigned to me" : "Tier " + t + " queue");
        model.addAttribute("nav", "console");
        return TicketLists.partial(hx, restore) ? "tickets/queue :: queue" : "tickets/queue";
    }

    @GetMapping("/tickets/{id}")
    String ticket(@PathVariable UUID id, Model model) {
        return page(desk.get(id), model, "tickets/ticket");
    }

    @PostMapping("/tickets/{id}/take")
    String take(@PathVariable UUID id, Model model) {
        return done(desk.assign(id, Actors.current().userId()), "You took the ticket.", model);
    }

    @PostMapping("/tickets/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam(required = false) UUID assigneeId, Model model) {
        TicketView t = desk.assign(id, assigneeId);
        return done(t, "Assigned to " + (t.assignee() == null ? "nobody" : t.assignee().name()) + ".", model);
    }

    @PostMapping("/tickets/{id}/escalate")
    String escalate(@PathVariable UUID id, @RequestParam(required = false) Integer toTier,
                    @RequestParam(required = false) String reason, Model model) {
        TicketView t = desk.escalate(id, toTier, reason);
        return done(t, "Moved to the Tier " + t.tier() + " queue.", model);
    }

    @PostMapping("/tickets/{id}/status")
    String status(@PathVariable UUID id, @RequestParam(required = false) TicketStatus status, Model model) {
        TicketView t = desk.changeStatus(id, status);
        return done(t, "Status is now " + t.status().label().toLowerCase() + ".", model);
    }

    @PostMapping("/tickets/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(required = false) String body, Model model) {
        return done(desk.comment(id, body, Visibility.PUBLIC), "Reply sent to the requester.", model);
    }

    @PostMapping("/tickets/{id}/note")
    String note(@PathVariable UUID id, @RequestParam(required = false) String body, Model model) {
        return done(desk.comment(id, body, Visibility.INTERNAL), "Internal note added.", model);
    }

    @PostMapping("/tickets/{id}/classification")
    String classify(@PathVariable UUID id, @RequestParam(required = false) Category category,
                    @RequestParam(required = false) Priority priority, Model model) {
        return done(desk.reclassify(id, category, priority), "Classification saved.", model);
    }

    @PostMapping("/tickets/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam(required = false) String resolution, Model model) {
        return done(desk.resolve(id, resolution), "Resolved. The requester sees your resolution.", model);
    }

    @PostMapping("/tickets/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        return done(desk.reopen(id, reason), "Reopened.", model);
    }

    private String done(TicketView t, String flash, Model model) {
        model.addAttribute("flash", flash);
        return page(t, model, "tickets/ticket :: ticket");
    }

    private String page(TicketView view, Model model, String template) {
        Actor me = Actors.current();
        TicketFacts t = TicketFacts.of(view, time, false);
        List<TicketLists.Option> people = desk.assignable(view.id()).stream()
                .map(p -> new TicketLists.Option(p.id().toString(), p.displayName()
                        + (p.tier() != null ? " (Tier " + p.tier() + ")" : "")))
                .toList();
        boolean canTake = people.stream().anyMatch(p -> p.value().equals(me.userId().toString()))
                && !me.userId().equals(t.assigneeId());
        model.addAttribute("t", t);
        model.addAttribute("work", new Work(people, canTake,
                IntStream.rangeClosed(1, 3).filter(n -> n != view.tier()).boxed().toList(),
                List.of(TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_REQUESTER, TicketStatus.WAITING_ON_VENDOR),
                Category.values(), Priority.values()));
        LinkedIncidents linked = incidents.getIfAvailable();
        model.addAttribute("incident", linked == null ? null : linked.incidentOf(view.id()).orElse(null));
        model.addAttribute("back", "/console");
        model.addAttribute("nav", "console");
        return template;
    }
}
