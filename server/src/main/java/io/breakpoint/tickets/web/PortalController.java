package io.breakpoint.tickets.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.phi.*;
import io.breakpoint.tickets.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.*;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The requester's portal: my tickets, a new ticket, and a ticket's public thread with a reply box. */
@Controller
@RequestMapping("/portal")
@PreAuthorize("hasRole('REQUESTER')")
class PortalController {

    private final TicketDesk desk;
    private final Directory directory;
    private final ClinicTime time;
    private final PhiScreening phi;
    private final PhiPolicies phiPolicies;

    PortalController(TicketDesk desk, Directory directory, ClinicTime time, PhiScreening phi, PhiPolicies phiPolicies) {
        this.desk = desk;
        this.directory = directory;
        this.time = time;
        this.phi = phi;
        this.phiPolicies = phiPolicies;
    }

    /** What the new-ticket form sends; enums arrive by name from the selects. */
    record NewTicketForm(@NotBlank(message = "Say in a few words what is wrong.")
                         @Size(max = TicketDesk.SUBJECT_MAX, message = "Keep the subject under " + TicketDesk.SUBJECT_MAX + " characters.")
                         String subject,
                         @NotBlank(message = "Describe what happens, so the desk can help at once.")
                         @Size(max = TicketDesk.TEXT_MAX, message = "Keep the description under " + TicketDesk.TEXT_MAX + " characters.")
                         String description,
                         UUID siteId, Category category, Impact impact) {
    }

    record SiteOption(UUID id, String name) {
    }

    @GetMapping
    String myTickets(@RequestParam(required = false) String cursor, Model model) {
        Actor me = Actors.current();
        TicketPage page = desk.list(new TicketFilter(null, null, null, null, null, null, false, null,
                TicketFilter.Order.NEWEST, TicketFilter.Cursor.decode(cursor), 50));
        Map<UUID, ZoneId> zones = time.zones(me);
        model.addAttribute("rows", page.items().stream().map(t -> TicketRow.of(t, time, zones)).toList());
        model.addAttribute("next", page.nextCursor());
        model.addAttribute("nav", "portal");
        return "tickets/portal-list";
    }

    @GetMapping("/new")
    String newTicket(Model model) {
        Actor me = Actors.current();
        UUID site = directory.defaultSiteOf(me.userId()).orElse(null);
        return form(new NewTicketForm("", "", site, null, null), model);
    }

    @PostMapping("/new")
    String submit(@Valid @ModelAttribute("form") NewTicketForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) return form(form, model);
        try {
            TicketView t = desk.open(new NewTicket(form.subject(), form.description(), form.siteId(), form.category(),
                    form.impact(), null));
            return "redirect:/portal/tickets/" + t.id() + "?submitted";
        } catch (InvalidRequestException e) {
            errors.rejectValue(List.of("subject", "description", "siteId").contains(e.field()) ? e.field() : "subject",
                    "invalid", e.getMessage());
            return form(form, model);
        } catch (PhiBlockedException e) {
            errors.rejectValue(e.field(), "phi", e.plainMessage());
            return form(form, model);
        }
    }

    /**
     * The warning under the text while the requester types a new ticket or a reply ({@code body}): which PHI it holds,
     * and what the policy will do. Only the new-ticket form offers to remove it there and then.
     */
    @PostMapping("/new/phi")
    String phiWarning(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String description,
                      @RequestParam(defaultValue = "") String body, Model model) {
        Set<PhiKind> kinds = phi.kindsIn(subject, description, body);
        model.addAttribute("phiKinds", kinds.isEmpty() ? null : PhiWords.list(kinds));
        model.addAttribute("phiOffersRedaction", body.isEmpty());
        model.addAttribute("phiPolicy", phiPolicies.policyOf(Actors.current().organizationId()));
        return "tickets/portal-new :: phi-warning";
    }

    /** "Remove it for me": the subject and description with every finding replaced by a marker. */
    @PostMapping("/new/redact")
    String redact(@ModelAttribute("form") NewTicketForm form, Model model) {
        PhiDetector detector = phi.detector();
        String subject = detector.redact(Objects.requireNonNullElse(form.subject(), ""));
        model.addAttribute("form", new NewTicketForm(
                subject.length() > TicketDesk.SUBJECT_MAX ? subject.substring(0, TicketDesk.SUBJECT_MAX) : subject,
                detector.redact(Objects.requireNonNullElse(form.description(), "")), form.siteId(), form.category(), form.impact()));
        return "tickets/portal-new :: redacted";
    }

    @GetMapping("/tickets/{id}")
    String ticket(@PathVariable UUID id, Model model) {
        model.addAttribute("t", TicketFacts.of(desk.get(id), time, true));
        model.addAttribute("nav", "portal");
        return "tickets/portal-ticket";
    }

    /** Appends the reply (and any status change it caused) to the thread; refreshes the ticket's state. */
    @PostMapping("/tickets/{id}/replies")
    String reply(@PathVariable UUID id, @RequestParam(required = false) String body,
                 @RequestParam(defaultValue = "0") long after, Model model) {
        TicketFacts t = TicketFacts.of(desk.comment(id, body, Visibility.PUBLIC), time, true);
        model.addAttribute("t", t);
        model.addAttribute("added", t.thread().stream().filter(e -> e.id() > after).toList());
        return "tickets/portal-ticket :: replied";
    }

    private String form(NewTicketForm form, Model model) {
        Actor me = Actors.current();
        model.addAttribute("form", form);
        model.addAttribute("sites", directory.sites(me, me.organizationId()).stream()
                .map(s -> new SiteOption(s.id(), s.name())).toList());
        model.addAttribute("categories", Category.values());
        model.addAttribute("impacts", Impact.values());
        model.addAttribute("nav", "new");
        return "tickets/portal-new";
    }
}
