package io.breakpoint.telemetry;

import java.time.Instant;
import java.util.UUID;

/** An enrollment code as admins see it after creation: everything but the code itself. */
public record EnrollmentCode(UUID id, UUID siteId, String label, int maxUses, int uses, Instant createdAt,
                             Instant expiresAt, Instant revokedAt, State state) {

    public enum State {
        ACTIVE, EXPIRED, REVOKED, USED_UP
    }

    /** Just created: the only time the code is shown. */
    public record Issued(EnrollmentCode enrollmentCode, String code) {
    }
}
