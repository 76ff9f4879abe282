/**
 * The workstation agents' side of the server: enrollment codes per site, the device registry (facts, last seen,
 * segment), network segments and each site's probe settings, the telemetry ingestion route, and the stored
 * measurements (raw for two weeks, hourly rollups for thirteen months) that the diagnosis reads through
 * {@link io.breakpoint.telemetry.TelemetryReadings}. The agent routes speak the {@code agent-protocol} records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "audit", "agent", "compliance"})
package io.breakpoint.telemetry;
