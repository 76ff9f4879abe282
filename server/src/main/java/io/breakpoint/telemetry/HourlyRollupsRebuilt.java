package io.breakpoint.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The rollup job rebuilt hourly rollups: per site, the earliest hour it rebuilt (late samples from an agent's
 * offline queue land in old hours). Whoever keeps a site's rollups in memory reads them again from that hour.
 * Published after the rebuilt rows are committed, on this server only.
 */
public record HourlyRollupsRebuilt(Map<UUID, Instant> earliestHourBySite) {
    public HourlyRollupsRebuilt {
        earliestHourBySite = Map.copyOf(earliestHourBySite);
    }
}
