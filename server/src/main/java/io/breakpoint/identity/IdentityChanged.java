package io.breakpoint.identity;

import java.util.UUID;

/**
 * An admin changed a tenant, site or person, or a sign-in security event happened (sign-in, failure, lockout, MFA,
 * token). Published inside the change's transaction so the audit trail
 * records it atomically; {@code by} is null for the command-line bootstrap.
 */
public record IdentityChanged(Actor by, String action, UUID organizationId, String detail) {
}
