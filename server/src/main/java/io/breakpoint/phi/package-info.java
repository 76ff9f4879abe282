/**
 * PHI in tickets: a rule-based detector for protected health information in ticket text ({@code PhiDetector}),
 * each organization's policy (warn, redact automatically, block), the screening that applies it to subjects,
 * descriptions, replies and notes, and the flag that tells engineers a ticket holds PHI. Uses identity for the caller
 * and audit for policy changes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "audit"})
package io.breakpoint.phi;
