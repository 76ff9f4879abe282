/**
 * The simulated clinic day: replays a realistic day of tickets through the real triage, routing and SLA machinery
 * with simulated engineers, on a clock of its own and an in-memory database, and reports the KPIs the desk reached.
 * Uses identity to set up the desk, tickets to submit and work tickets, sla to run the timers at simulated times.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "tickets", "sla"})
package io.breakpoint.simulation;
