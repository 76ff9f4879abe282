package io.breakpoint.audit.web;

import io.breakpoint.audit.AuditRecord;
import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The auditor's export: a date range of the chain as CSV or JSON, with each record's hashes. */
@RestController
@Tag(name = "Audit")
class AuditExportApi {

    private final AuditTrail audit;

    AuditExportApi(AuditTrail audit) {
        this.audit = audit;
    }

    record Export(Instant from, Instant to, String scope, int count, List<AuditRecord> records) {
    }

    @GetMapping("/api/v1/audit/export")
    @Operation(summary = "Audit records of a range in chain order, with their hashes, as JSON or CSV (MSP admins: the "
            + "whole chain; org admins: their organization's records). from/to: a day (UTC; to included) or an instant.")
    ResponseEntity<?> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "json") String format) {
        var me = Actors.current();
        // Who may export comes first, so nobody else learns what the parameters should be.
        if (!me.is(Role.MSP_ADMIN) && !me.is(Role.ORG_ADMIN)) throw new ForbiddenException("Only admins export the audit trail.");
        if (from == null || to == null) throw new InvalidRequestException(from == null ? "from" : "to", "Give both ends of the range.");
        if (!format.equals("json") && !format.equals("csv")) throw new InvalidRequestException("format", "Choose json or csv.");
        Instant start = bound("from", from, false);
        Instant end = bound("to", to, true);
        List<AuditRecord> records = audit.export(me, start, end, format.toUpperCase());
        String name = "breakpoint-audit-" + from.replace(':', '-') + "-" + to.replace(':', '-') + "." + format;
        var ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        if (format.equals("csv")) {
            return ok.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(AuditCsv.of(records));
        }
        return ok.contentType(MediaType.APPLICATION_JSON)
                .body(new Export(start, end, me.is(Role.MSP_ADMIN) ? "all" : "organization " + me.organizationId(),
                        records.size(), records));
    }

    /** A day (yyyy-MM-dd, UTC; the end day is included) or an instant (2026-11-25T10:00:00Z). */
    private static Instant bound(String field, String value, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "Give a day like 2026-11-25 or an instant like 2026-11-25T10:00:00Z.");
        }
    }
}
