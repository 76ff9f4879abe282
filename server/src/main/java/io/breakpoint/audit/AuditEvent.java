package io.breakpoint.audit;

import io.breakpoint.common.Channel;

import java.time.Instant;
import java.util.UUID;

public record AuditEvent(long id, Instant at, UUID actorId, String actorEmail, UUID organizationId, UUID ticketId,
                         String action, Channel channel, String remoteAddress, String detail) {
}
