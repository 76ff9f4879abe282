package io.breakpoint.audit.web;

import io.breakpoint.audit.AuditRecord;

import java.util.List;
import java.util.Objects;

/** RFC 4180 CSV of audit records, one per line, header first. */
final class AuditCsv {

    static final String HEADER = "seq,id,at,actor_id,actor_email,organization_id,ticket_id,action,channel,remote_address,detail,prev_hash,hash";

    private AuditCsv() {
    }

    static String of(List<AuditRecord> records) {
        StringBuilder s = new StringBuilder(HEADER).append("\r\n");
        for (AuditRecord r : records) {
            s.append(r.seq()).append(',').append(r.id()).append(',').append(r.at()).append(',')
                    .append(cell(r.actorId())).append(',').append(cell(r.actorEmail())).append(',')
                    .append(cell(r.organizationId())).append(',').append(cell(r.ticketId())).append(',')
                    .append(cell(r.action())).append(',').append(cell(r.channel())).append(',')
                    .append(cell(r.remoteAddress())).append(',').append(cell(r.detail())).append(',')
                    .append(r.previousHash()).append(',').append(r.hash()).append("\r\n");
        }
        return s.toString();
    }

    /**
     * Quoted when it holds a comma, quote or line break. Values are never altered (no spreadsheet-formula escaping),
     * so an auditor can recompute every hash from the file; open it as text, not by double-clicking into a spreadsheet.
     */
    private static String cell(Object value) {
        if (value == null) return "";
        String v = Objects.toString(value);
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
