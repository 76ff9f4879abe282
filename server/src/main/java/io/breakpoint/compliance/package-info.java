/**
 * The compliance workspace of an organization: HIPAA Security Rule assessments (answers, evidence, owners, risk,
 * remediation plans, history and reports), the NIST CSF 2.0 view of the same answers, the evidence the desk
 * measures itself, and the practice manager's four-question self-audit. Other modules feed evidence through the
 * seams in {@link io.breakpoint.compliance.EvidenceSources}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "audit", "tickets"})
package io.breakpoint.compliance;
