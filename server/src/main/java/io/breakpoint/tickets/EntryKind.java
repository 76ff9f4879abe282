package io.breakpoint.tickets;

/** What a history entry records. */
public enum EntryKind {
    OPENED, TRIAGED, REPLY, NOTE, ASSIGNED, ESCALATED, DE_ESCALATED, STATUS_CHANGED, RECLASSIFIED, RESOLVED,
    REOPENED, CLOSED, SLA_SET, SLA_WARNING, SLA_BREACH
}
