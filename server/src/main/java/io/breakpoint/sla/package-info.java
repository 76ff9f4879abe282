/**
 * Service levels: the SLA policy (PRODUCT.md's defaults: first response and resolution per priority) and
 * the clock arithmetic in each site's clinic hours, time zone and holidays (P1 around the clock). Provides
 * the tickets module's {@code ServiceLevels} seam.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "tickets", "audit"})
package io.breakpoint.sla;
