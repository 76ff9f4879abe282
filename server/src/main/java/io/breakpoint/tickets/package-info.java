/**
 * Tickets and the tiered workflow: the lifecycle state machine, tier queues, assignment, escalation, public
 * replies and internal notes, the ordered history of every ticket, and the desk metrics computed from it.
 * Uses identity to know who may see what, audit to record every read and change, and phi to apply each
 * organization's PHI policy to what is written.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "audit", "phi"})
package io.breakpoint.tickets;
