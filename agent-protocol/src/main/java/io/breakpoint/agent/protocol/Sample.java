package io.breakpoint.agent.protocol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One round of measurements. {@code id} is chosen by the agent (random UUID) and makes resending safe.
 * {@code sentAt} is set when the batch is sent, so the server can estimate the agent's clock skew.
 * {@code facts} may be null when unchanged since the last sample; {@code throughput} and
 * {@code segmentation} are null in rounds that did not run them. {@code burst} marks the extra
 * measurements of a one-click slowness report.
 */
public record Sample(
        UUID id,
        Instant takenAt,
        Instant sentAt,
        String localAddress,
        DeviceFacts facts,
        DeviceState state,
        List<ProbeResult> probes,
        Throughput throughput,
        SegmentationCheck segmentation,
        boolean burst) {}
