package io.breakpoint.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An audit record as exported for an auditor: its place in the chain, its fields, and the hashes that seal it
 * (SHA-256 over the canonical text described in docs/decisions/0018).
 */
public record AuditRecord(long seq, long id, Instant at, UUID actorId, String actorEmail, UUID organizationId,
                          UUID ticketId, String action, String channel, String remoteAddress, String detail,
                          String previousHash, String hash) {
}
