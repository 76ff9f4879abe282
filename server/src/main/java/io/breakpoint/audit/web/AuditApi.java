package io.breakpoint.audit.web;

import io.breakpoint.audit.AuditEvent;
import io.breakpoint.audit.AuditTrail;
import io.breakpoint.identity.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Audit")
class AuditApi {

    private final AuditTrail audit;

    AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    record AuditPage(List<AuditEvent> items, Long nextBefore) {
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit events, newest first (MSP admins: all their organizations; org admins: their own)")
    AuditPage find(@RequestParam(required = false) UUID ticketId, @RequestParam(required = false) UUID userId,
                   @RequestParam(required = false) UUID organizationId,
                   @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                   @RequestParam(required = false) Long before,
                   @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        List<AuditEvent> items = audit.find(Actors.current(),
                new AuditTrail.Query(ticketId, userId, organizationId, from, to, before, limit));
        return new AuditPage(items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }
}
