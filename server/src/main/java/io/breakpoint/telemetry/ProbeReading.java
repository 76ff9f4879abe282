package io.breakpoint.telemetry;

import java.time.Instant;
import java.util.UUID;

/**
 * One raw hop measurement (one probe of one sample), with the device's CPU and memory load when it was taken.
 * Times in milliseconds, null where the phase did not apply or happen. {@code takenAt} is corrected for the agent's
 * clock skew when that was large (decision 0013).
 */
public record ProbeReading(UUID sampleId, UUID deviceId, UUID siteId, UUID segmentId, Instant takenAt, String hop,
                           String target, Double dnsMs, Double connectMs, Double tlsMs, Double firstByteMs, Double totalMs,
                           int attempts, int failures, Double jitterMs, String error, Double cpuLoad, Double memoryLoad,
                           boolean burst) {

    /** The hop's headline time: total where the probe has one, else the connect time; null when it failed. */
    public Double latencyMs() {
        return totalMs != null ? totalMs : connectMs;
    }
}
