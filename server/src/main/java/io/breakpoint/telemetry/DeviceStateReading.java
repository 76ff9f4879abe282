package io.breakpoint.telemetry;

import java.time.Instant;
import java.util.UUID;

/**
 * One sample's device state: loads as shares from 0 to 1, the throughput sample and segmentation check when that
 * round ran them (else null).
 */
public record DeviceStateReading(UUID sampleId, UUID deviceId, UUID segmentId, Instant takenAt, Double cpuLoad,
                                 Double memoryLoad, Double diskUsed, Double throughputMbps, Integer guestChecked,
                                 Integer guestReachable, boolean burst) {
}
