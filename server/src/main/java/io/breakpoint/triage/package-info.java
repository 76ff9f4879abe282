/**
 * Automatic triage: decides category, tier and priority of every new ticket from what the requester wrote,
 * with a confidence and reasons a person can read. Transparent rules (security, scope, clinical impact) and a
 * text classifier trained at startup on the corpus the project ships. Plugs into tickets through its
 * {@code Triage} seam; uses common for request errors.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "tickets", "phi"})
package io.breakpoint.triage;
