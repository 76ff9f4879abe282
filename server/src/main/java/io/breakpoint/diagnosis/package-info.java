/**
 * The breakpoint diagnosis: from the telemetry of a site's devices (and of peer sites on the same EMR) it names
 * the segment of the data path at fault (PRODUCT.md's breakpoints) with a confidence, plain-language evidence and
 * the recurring time-of-day windows; the one-click slowness report that opens a ticket carrying it; the site
 * health and device pages. The decision logic is plain Java in {@code internal/BreakpointEngine} (docs/diagnosis.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "tickets", "audit", "telemetry", "agent", "compliance"})
package io.breakpoint.diagnosis;
