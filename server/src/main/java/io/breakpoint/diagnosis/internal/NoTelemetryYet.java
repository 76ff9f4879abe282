package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.internal.SiteMeasurements.ClinicHours;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Placeholder until the telemetry module's read API is merged: no devices, so every diagnosis says INSUFFICIENT_DATA. */
@Component
class NoTelemetryYet implements MeasurementSource {

    @Override
    public Optional<DeviceRef> device(UUID deviceId) {
        return Optional.empty();
    }

    @Override
    public SiteMeasurements site(UUID siteId, String siteName, ZoneId zone, Map<DayOfWeek, ClinicHours> clinicHours,
                                 Instant from, Instant to) {
        return new SiteMeasurements(siteId, siteName, zone, clinicHours, List.of(), List.of(), List.of());
    }
}
