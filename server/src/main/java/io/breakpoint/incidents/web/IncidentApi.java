package io.breakpoint.incidents.web;

import io.breakpoint.identity.Actors;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.incidents.IncidentStatus;
import io.breakpoint.incidents.IncidentViews.Detail;
import io.breakpoint.incidents.IncidentViews.Outcome;
import io.breakpoint.incidents.IncidentViews.Summary;
import io.breakpoint.incidents.MajorIncidents;
import io.breakpoint.tickets.TicketDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Major incidents")
class IncidentApi {

    /** Role before body: someone who may not change incidents hears so, not what is wrong with their request. */
    @ModelAttribute
    void deskStaffForChanges(jakarta.servlet.http.HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !Actors.current().role().isDeskStaff()) {
            throw new ForbiddenException("Only desk staff can change major incidents.");
        }
    }

    private final MajorIncidents incidents;

    IncidentApi(MajorIncidents incidents) {
        this.incidents = incidents;
    }

    record Declare(@NotBlank @Size(max = 300) String title, @NotEmpty @Size(max = 500) List<@NotNull UUID> ticketIds) {
    }

    record LinkTicket(@NotNull UUID ticketId) {
    }

    record Reply(@NotBlank @Size(max = TicketDesk.TEXT_MAX) String body) {
    }

    record HandOver(@NotNull UUID ownerId, @Size(max = 500) String note) {
    }

    record Resolve(@NotBlank @Size(max = TicketDesk.TEXT_MAX) String resolution) {
    }

    @GetMapping
    @Operation(summary = "Major incidents the caller may see, newest first (status OPEN or RESOLVED to filter)")
    List<Summary> list(@RequestParam(required = false) IncidentStatus status) {
        return incidents.list(status);
    }

    @PostMapping
    @Operation(summary = "Open a major incident by hand from tickets (desk staff)")
    ResponseEntity<Detail> declare(@Valid @RequestBody Declare body) {
        Detail d = incidents.declare(body.title(), body.ticketIds());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + d.incident().id())).body(d);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An incident with the linked tickets, requesters and sites the caller may see")
    Detail get(@PathVariable UUID id) {
        return incidents.get(id);
    }

    @PostMapping("/{id}/tickets")
    @Operation(summary = "Link an open ticket to the incident (desk staff)")
    Detail link(@PathVariable UUID id, @Valid @RequestBody LinkTicket body) {
        return incidents.link(id, body.ticketId());
    }

    @DeleteMapping("/{id}/tickets/{ticketId}")
    @Operation(summary = "Unlink a ticket from the incident (desk staff)")
    Detail unlink(@PathVariable UUID id, @PathVariable UUID ticketId) {
        return incidents.unlink(id, ticketId);
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Hand the incident to another owner (desk staff who can work it)",
            description = "The new owner must work the incident's organization, in its tier or above (or be its own IT or an MSP admin). "
                    + "Audited and written in the incident's history.")
    Detail handOver(@PathVariable UUID id, @Valid @RequestBody HandOver body) {
        return incidents.handOver(id, body.ownerId(), body.note());
    }

    @PostMapping("/{id}/replies")
    @Operation(summary = "One public reply to the requester of every linked ticket that is not closed (desk staff)")
    Outcome reply(@PathVariable UUID id, @Valid @RequestBody Reply body) {
        return incidents.reply(id, body.body());
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "Resolve the incident and every open linked ticket with one message (desk staff)")
    Outcome resolve(@PathVariable UUID id, @Valid @RequestBody Resolve body) {
        return incidents.resolve(id, body.resolution());
    }
}
