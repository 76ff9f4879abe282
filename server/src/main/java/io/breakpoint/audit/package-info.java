/**
 * The audit trail: every read of ticket content and every change, by whom, when, from which address and
 * through which channel, written in the same transaction as the change. Append-only; readable by MSP admins
 * and by org admins for their own organization.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity"})
package io.breakpoint.audit;
