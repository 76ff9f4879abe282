package io.breakpoint.tickets.internal;

import io.breakpoint.common.ConflictException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.tickets.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The ticket aggregate: its state and the rules of the lifecycle, in plain Java. Every change appends an
 * entry to the ticket's history; the repository writes the changed row and the new entries together.
 * Times are passed in, so the same rules serve live work, imports of past tickets and tests with a fixed clock.
 */
public class Ticket {

    final UUID id;
    final long number;
    final UUID organizationId;
    final UUID siteId;
    final UUID requesterId;
    final String subject;
    final String description;
    final Impact impact;
    final Instant createdAt;
    final String idempotencyKey;
    TicketStatus status;
    int tier;
    Category category;
    Priority priority;
    UUID assigneeId;
    boolean everAssigned;
    int reassignments;
    Instant updatedAt;
    Instant firstResponseAt;
    Instant resolvedAt;
    Instant closedAt;
    Instant firstResponseDueAt;
    Instant resolutionDueAt;
    int version;

    private final List<Entry> newEntries = new ArrayList<>();

    /** One line of history as written; {@code actorId} null means the desk itself. */
    public record Entry(Instant at, UUID actorId, EntryKind kind, Visibility visibility, String body,
                        TicketStatus fromStatus, TicketStatus toStatus, Integer fromTier, Integer toTier, UUID assigneeId) {
    }

    Ticket(UUID id, long number, UUID organizationId, UUID siteId, UUID requesterId, String subject, String description,
           Impact impact, Instant createdAt, String idempotencyKey, TicketStatus status, int tier, Category category,
           Priority priority, UUID assigneeId, boolean everAssigned, int reassignments, Instant updatedAt,
           Instant firstResponseAt, Instant resolvedAt, Instant closedAt, int version) {
        this.id = id;
        this.number = number;
        this.organizationId = organizationId;
        this.siteId = siteId;
        this.requesterId = requesterId;
        this.subject = subject;
        this.description = description;
        this.impact = impact;
        this.createdAt = createdAt;
        this.idempotencyKey = idempotencyKey;
        this.status = status;
        this.tier = tier;
        this.category = category;
        this.priority = priority;
        this.assigneeId = assigneeId;
        this.everAssigned = everAssigned;
        this.reassignments = reassignments;
        this.updatedAt = updatedAt;
        this.firstResponseAt = firstResponseAt;
        this.resolvedAt = resolvedAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    public static Ticket open(UUID id, long number, UUID organizationId, UUID siteId, UUID requesterId, String subject,
                              String description, Impact impact, Category requestedCategory, String idempotencyKey,
                              Instant at) {
        Ticket t = new Ticket(id, number, organizationId, siteId, requesterId, subject, description, impact, at,
                idempotencyKey, TicketStatus.NEW, 1, requestedCategory, Priority.P3, null, false, 0, at, null, null,
                null, 0);
        t.record(at, requesterId, EntryKind.OPENED, Visibility.PUBLIC, null, null, TicketStatus.NEW, null, null, null);
        return t;
    }

    /** NEW → TRIAGED: the first placement in a tier queue. Not a reassignment. */
    public void triage(Triage.Decision d, Instant at) {
        requireTier(d.tier());
        moveTo(TicketStatus.TRIAGED, at);
        category = d.category() != null ? d.category() : category;
        priority = d.priority() != null ? d.priority() : priority;
        tier = d.tier();
        record(at, null, EntryKind.TRIAGED, Visibility.INTERNAL, d.reason(), TicketStatus.NEW, TicketStatus.TRIAGED,
                null, tier, null);
    }

    /**
     * The desk's automatic public reply at intake: what it understood and when a person will answer. It is
     * not the first response, which counts humans only.
     */
    public void acknowledge(String message, Instant at) {
        record(at, null, EntryKind.ACKNOWLEDGED, Visibility.PUBLIC, message, null, null, null, null, null);
    }

    /** Sets the due times the SLA policy promises; recorded in the history so a changed promise is visible. */
    public void promise(ServiceLevels.Promise p, Instant at) {
        if (p.firstResponseDueAt() == null && p.resolutionDueAt() == null) return;
        if (Objects.equals(p.firstResponseDueAt(), firstResponseDueAt) && Objects.equals(p.resolutionDueAt(), resolutionDueAt)) return;
        firstResponseDueAt = p.firstResponseDueAt();
        resolutionDueAt = p.resolutionDueAt();
        record(at, null, EntryKind.SLA_SET, Visibility.INTERNAL, p.basis(), null, null, null, null, null);
    }

    /** An internal line of history about the ticket's major incident, by a person or (null) the desk. */
    public void incidentChanged(String text, UUID by, Instant at) {
        record(at, by, EntryKind.INCIDENT, Visibility.INTERNAL, text, null, null, null, null, null);
    }

    /** An internal line of history written by the desk itself (an SLA warning or breach). */
    public void remark(EntryKind kind, String text, Instant at) {
        record(at, null, kind, Visibility.INTERNAL, text, null, null, null, null, null);
    }

    /**
     * Gives the ticket to a person. Taking an unassigned ticket from the queue is not a pass; handing it from
     * one person to another is a reassignment (PRODUCT.md's pass-around).
     */
    public void assign(UUID assignee, UUID by, Instant at) {
        requireWorkable("assigned");
        if (assignee.equals(assigneeId)) return;
        if (assigneeId != null) reassignments++;
        assigneeId = assignee;
        everAssigned = true;
        TicketStatus from = status;
        if (status == TicketStatus.TRIAGED) status = TicketStatus.IN_PROGRESS;
        updatedAt = at;
        record(at, by, EntryKind.ASSIGNED, Visibility.INTERNAL, null, from, status, null, null, assignee);
    }

    /** Whether the ticket waits in its tier queue for someone: triaged and nobody has it. */
    public boolean queued() {
        return status == TicketStatus.TRIAGED && assigneeId == null;
    }

    /**
     * The desk gives a queued ticket to a person by itself, saying why in the history. Like taking a ticket from
     * the queue, this first assignment is not a reassignment.
     */
    public void route(UUID assignee, String reason, Instant at) {
        if (!queued()) {
            throw new ConflictException("Ticket " + reference() + " is no longer waiting in the queue.");
        }
        assigneeId = assignee;
        everAssigned = true;
        status = TicketStatus.IN_PROGRESS;
        updatedAt = at;
        record(at, null, EntryKind.ASSIGNED, Visibility.INTERNAL, reason, TicketStatus.TRIAGED, status, null, null, assignee);
    }

    /**
     * The desk found nobody free to route the ticket to; it stays in the queue, and the history says why. Changes
     * no state: the repository appends the entry without a versioned update.
     */
    public void stayQueued(String reason, Instant at) {
        record(at, null, EntryKind.NOTE, Visibility.INTERNAL, reason, null, null, null, null, null);
    }

    /** Moves the ticket to another tier's queue, with a reason; always counts as a reassignment. */
    public void escalate(int toTier, String reason, UUID by, Instant at) {
        requireTier(toTier);
        requireWorkable(toTier > tier ? "escalated" : "de-escalated");
        if (toTier == tier) throw new ConflictException("Ticket " + reference() + " is already in Tier " + tier + ".");
        if (reason == null || reason.isBlank()) throw new InvalidRequestException("reason", "Say why the ticket changes tier.");
        int from = tier;
        TicketStatus fromStatus = status;
        tier = toTier;
        assigneeId = null;
        reassignments++;
        status = TicketStatus.TRIAGED;
        updatedAt = at;
        record(at, by, toTier > from ? EntryKind.ESCALATED : EntryKind.DE_ESCALATED, Visibility.INTERNAL, reason.strip(),
                fromStatus, status, from, toTier, null);
    }

    public void changeStatus(TicketStatus to, UUID by, Instant at) {
        if (to == TicketStatus.RESOLVED || to == TicketStatus.CLOSED || to == TicketStatus.NEW || to == TicketStatus.TRIAGED) {
            throw new InvalidRequestException("status",
                    "Use resolve, reopen or escalate for that; status takes IN_PROGRESS, WAITING_ON_REQUESTER or WAITING_ON_VENDOR.");
        }
        // A resolved ticket goes back to work only through reopen (or a requester's reply), which clears resolvedAt.
        requireWorkable("moved to " + to.label().toLowerCase());
        if (to == status) return;
        TicketStatus from = status;
        moveTo(to, at);
        record(at, by, EntryKind.STATUS_CHANGED, Visibility.PUBLIC, null, from, to, null, null, null);
    }

    /**
     * A reply or an internal note. A requester's reply reopens a resolved ticket and ends a wait on them; the
     * first public reply of desk staff is the ticket's first (human) response.
     */
    public void comment(String body, Visibility visibility, boolean byRequester, UUID by, Instant at) {
        if (status == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + reference() + " is closed and takes no more replies; open a new ticket.");
        }
        TicketStatus from = status;
        if (byRequester) {
            if (status == TicketStatus.RESOLVED) {
                reopenInternally("The requester replied to the resolution.", by, at);
            } else if (status == TicketStatus.WAITING_ON_REQUESTER) {
                moveTo(TicketStatus.IN_PROGRESS, at);
                record(at, by, EntryKind.STATUS_CHANGED, Visibility.PUBLIC, null, from, status, null, null, null);
            }
        } else if (visibility == Visibility.PUBLIC && firstResponseAt == null) {
            firstResponseAt = at;
        }
        updatedAt = at;
        record(at, by, visibility == Visibility.PUBLIC ? EntryKind.REPLY : EntryKind.NOTE, visibility, body, null, null,
                null, null, null);
    }

    public void resolve(String resolution, UUID by, Instant at) {
        if (resolution == null || resolution.isBlank()) {
            throw new InvalidRequestException("resolution", "Tell the requester what was done.");
        }
        TicketStatus from = status;
        moveTo(TicketStatus.RESOLVED, at);
        resolvedAt = at;
        if (firstResponseAt == null) firstResponseAt = at;
        record(at, by, EntryKind.RESOLVED, Visibility.PUBLIC, resolution.strip(), from, status, null, null, null);
    }

    public void reopen(String reason, UUID by, Instant at) {
        if (reason == null || reason.isBlank()) throw new InvalidRequestException("reason", "Say why the ticket is reopened.");
        if (status != TicketStatus.RESOLVED) {
            throw new ConflictException("Ticket " + reference() + " is " + status.label().toLowerCase()
                    + (status == TicketStatus.CLOSED ? " and cannot be reopened; open a new ticket." : "; only resolved tickets can be reopened."));
        }
        reopenInternally(reason.strip(), by, at);
    }

    public void close(Instant at) {
        TicketStatus from = status;
        moveTo(TicketStatus.CLOSED, at);
        closedAt = at;
        record(at, null, EntryKind.CLOSED, Visibility.PUBLIC, null, from, status, null, null, null);
    }

    /** An engineer corrects what triage or the requester chose. */
    public void reclassify(Category newCategory, Priority newPriority, UUID by, Instant at) {
        if (status == TicketStatus.CLOSED) throw new ConflictException("Ticket " + reference() + " is closed.");
        if (newCategory == category && newPriority == priority) return;
        String what = "Category " + label(category) + " → " + label(newCategory) + ", priority " + priority.name() + " "
                + priority.label() + " → " + newPriority.name() + " " + newPriority.label();
        category = newCategory != null ? newCategory : category;
        priority = newPriority != null ? newPriority : priority;
        updatedAt = at;
        record(at, by, EntryKind.RECLASSIFIED, Visibility.INTERNAL, what, null, null, null, null, null);
    }

    private void reopenInternally(String reason, UUID by, Instant at) {
        TicketStatus from = status;
        moveTo(assigneeId != null ? TicketStatus.IN_PROGRESS : TicketStatus.TRIAGED, at);
        resolvedAt = null;
        record(at, by, EntryKind.REOPENED, Visibility.PUBLIC, reason, from, status, null, null, null);
    }

    private void moveTo(TicketStatus next, Instant at) {
        if (status == next) {
            throw new ConflictException("Ticket " + reference() + " is already " + status.label().toLowerCase() + ".");
        }
        if (!status.canMoveTo(next)) {
            throw new ConflictException("Ticket " + reference() + " is " + status.label().toLowerCase()
                    + " and cannot move to " + next.label().toLowerCase() + ".");
        }
        status = next;
        updatedAt = at;
    }

    private void requireWorkable(String what) {
        if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED || status == TicketStatus.NEW) {
            throw new ConflictException("Ticket " + reference() + " is " + status.label().toLowerCase()
                    + " and cannot be " + what + "." + (status == TicketStatus.RESOLVED ? " Reopen it first." : ""));
        }
    }

    private static void requireTier(int t) {
        if (t < 1 || t > 3) throw new InvalidRequestException("toTier", "Tiers are 1, 2 and 3.");
    }

    private static String label(Category c) {
        return c == null ? "none" : c.label();
    }

    private void record(Instant at, UUID actor, EntryKind kind, Visibility v, String body, TicketStatus from,
                        TicketStatus to, Integer fromTier, Integer toTier, UUID assignee) {
        newEntries.add(new Entry(at, actor, kind, v, body, from, to, fromTier, toTier, assignee));
    }

    public String reference() {
        return "BP-" + number;
    }

    List<Entry> newEntries() {
        return newEntries;
    }

    void entriesWritten() {
        newEntries.clear();
    }

    public UUID id() { return id; }
    public long number() { return number; }
    public UUID organizationId() { return organizationId; }
    public UUID siteId() { return siteId; }
    public UUID requesterId() { return requesterId; }
    public String subject() { return subject; }
    public String description() { return description; }
    public Impact impact() { return impact; }
    public Instant createdAt() { return createdAt; }
    public TicketStatus status() { return status; }
    public int tier() { return tier; }
    public Category category() { return category; }
    public Priority priority() { return priority; }
    public UUID assigneeId() { return assigneeId; }
    public int reassignments() { return reassignments; }
    public Instant updatedAt() { return updatedAt; }
    public Instant firstResponseAt() { return firstResponseAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant firstResponseDueAt() { return firstResponseDueAt; }
    public Instant resolutionDueAt() { return resolutionDueAt; }
    public String idempotencyKey() { return idempotencyKey; }
}
