package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.internal.SiteMeasurements.ClinicHours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the engine's input comes from: the telemetry module's read API, turned into {@link SiteMeasurements}.
 * A seam so that the engine and the routes can be tested with synthetic clinics.
 */
public interface MeasurementSource {

    /**
     * A device's place (which site and organization), its name, and its facts as label and value in display
     * order (model, CPU, memory, OS, last seen, ...).
     */
    record DeviceRef(UUID id, UUID siteId, UUID organizationId, String name, Map<String, String> facts) {
        public DeviceRef {
            facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        }
    }

    Optional<DeviceRef> device(UUID deviceId);

    /**
     * The site's segments and devices with their series over [from, to] (hourly rollups for the past, raw samples
     * where they are finer), and the other sites on the same EMR as site-level series.
     */
    SiteMeasurements site(UUID siteId, String siteName, ZoneId zone, Map<DayOfWeek, ClinicHours> clinicHours,
                          Instant from, Instant to);
}
