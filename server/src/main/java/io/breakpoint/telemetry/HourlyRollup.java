package io.breakpoint.telemetry;

import java.time.Instant;
import java.util.UUID;

/**
 * One device's measurements of one hop and target over one UTC hour starting at {@code hour}. Latency is the
 * total time where the probe has one, else the connect time; failed probes count in {@code failures} (of
 * {@code attempts}) and not in the latency figures. Percentiles are nearest-rank. CPU and memory are the device's
 * loads (0 to 1) over the same hour. {@code segmentId} is the device's segment at its last sample of that hour.
 */
public record HourlyRollup(UUID deviceId, UUID siteId, UUID segmentId, String hop, String target, Instant hour,
                           int samples, int latencyCount, Double latencyMeanMs, Double latencyP50Ms, Double latencyP95Ms,
                           Double latencyMinMs, Double latencyMaxMs, Double firstByteMeanMs, int attempts, int failures,
                           Double jitterMeanMs, Double cpuMean, Double cpuMax, Double memoryMean, Double memoryMax) {
}
