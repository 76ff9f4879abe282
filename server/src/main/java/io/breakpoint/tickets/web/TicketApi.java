package io.breakpoint.tickets.web;

import io.breakpoint.tickets.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketApi {

    private final TicketDesk desk;

    TicketApi(TicketDesk desk) {
        this.desk = desk;
    }

    record CreateTicket(@NotBlank @Size(max = TicketDesk.SUBJECT_MAX) String subject,
                        @NotBlank @Size(max = TicketDesk.TEXT_MAX) String description,
                        UUID siteId, Category category, Impact impact) {
    }

    record Comment(@NotBlank @Size(max = TicketDesk.TEXT_MAX) String body, Visibility visibility) {
    }

    record Escalate(@NotNull @Min(1) @Max(3) Integer toTier, @NotBlank @Size(max = 2000) String reason) {
    }

    record Assign(@NotNull UUID assigneeId) {
    }

    record Resolve(@NotBlank @Size(max = TicketDesk.TEXT_MAX) String resolution) {
    }

    record Reopen(@NotBlank @Size(max = 2000) String reason) {
    }

    record ChangeStatus(@NotNull TicketStatus status) {
    }

    record Reclassify(Category category, Priority priority) {
    }

    @PostMapping
    @Operation(summary = "Submit a ticket; it is triaged at once. A repeated Idempotency-Key returns the first ticket.")
    ResponseEntity<TicketView> create(@Valid @RequestBody CreateTicket body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        TicketView t = desk.open(new NewTicket(body.subject(), body.description(), body.siteId(), body.category(),
                body.impact(), idempotencyKey));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + t.id())).body(t);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A ticket with the history the caller may see")
    TicketView get(@PathVariable UUID id) {
        return desk.get(id);
    }

    @GetMapping
    @Operation(summary = "Tickets the caller may see, newest first or in queue order, one page at a time")
    TicketPage list(@RequestParam(required = false) List<TicketStatus> status,
                    @RequestParam(required = false) Integer tier,
                    @RequestParam(required = false) Priority priority,
                    @RequestParam(required = false) UUID organizationId,
                    @RequestParam(required = false) UUID siteId,
                    @RequestParam(required = false) UUID assigneeId,
                    @Parameter(description = "Words of the subject, or a ticket number such as BP-1042")
                    @RequestParam(required = false) @Size(max = 200) String q,
                    @RequestParam(defaultValue = "NEWEST") TicketFilter.Order order,
                    @RequestParam(required = false) @Size(max = 200) String cursor,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return desk.list(new TicketFilter(status == null || status.isEmpty() ? null : EnumSet.copyOf(status), tier, priority,
                organizationId, siteId, assigneeId, false, q, order, TicketFilter.Cursor.decode(cursor), limit));
    }

    record Assignee(UUID id, String name, String role, Integer tier) {
    }

    @GetMapping("/{id}/assignable")
    @Operation(summary = "Who may take this ticket: the organization's own IT, the MSP engineers serving it, MSP admins")
    List<Assignee> assignable(@PathVariable UUID id) {
        return desk.assignable(id).stream().map(p -> new Assignee(p.id(), p.displayName(), p.role().name(), p.tier())).toList();
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "Reply publicly or add an internal note (desk staff only)")
    ResponseEntity<TicketView> comment(@PathVariable UUID id, @Valid @RequestBody Comment body) {
        return ResponseEntity.status(201).body(desk.comment(id, body.body(), body.visibility()));
    }

    @PostMapping("/{id}/escalate")
    @Operation(summary = "Move the ticket to another tier's queue (up or down), with a reason")
    TicketView escalate(@PathVariable UUID id, @Valid @RequestBody Escalate body) {
        return desk.escalate(id, body.toTier(), body.reason());
    }

    @PostMapping("/{id}/assign")
    TicketView assign(@PathVariable UUID id, @Valid @RequestBody Assign body) {
        return desk.assign(id, body.assigneeId());
    }

    @PostMapping("/{id}/resolve")
    TicketView resolve(@PathVariable UUID id, @Valid @RequestBody Resolve body) {
        return desk.resolve(id, body.resolution());
    }

    @PostMapping("/{id}/reopen")
    TicketView reopen(@PathVariable UUID id, @Valid @RequestBody Reopen body) {
        return desk.reopen(id, body.reason());
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Start work or wait on the requester or a vendor")
    TicketView status(@PathVariable UUID id, @Valid @RequestBody ChangeStatus body) {
        return desk.changeStatus(id, body.status());
    }

    @PostMapping("/{id}/classification")
    @Operation(summary = "Correct the category or priority")
    TicketView reclassify(@PathVariable UUID id, @Valid @RequestBody Reclassify body) {
        return desk.reclassify(id, body.category(), body.priority());
    }
}
