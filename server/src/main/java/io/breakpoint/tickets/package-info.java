/**
 * Tickets and the tiered workflow: the lifecycle state machine, tier queues, assignment, escalation, public
 * replies and internal notes, the ordered history of every ticket, and the desk metrics computed from it.
 * Uses identity to know who may see what, and audit to record every read and change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "audit"})
package io.breakpoint.tickets;
