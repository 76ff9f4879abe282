package io.breakpoint.agent.protocol;

import java.time.Instant;

/**
 * What the device is. Null where the agent cannot tell (say, disk encryption on an OS it cannot ask).
 *
 * @param connection WIRED, WIFI or UNKNOWN
 */
public record DeviceFacts(
        String hostname,
        String manufacturer,
        String model,
        String serialNumber,
        String cpuModel,
        int cpuCores,
        long memoryBytes,
        long diskTotalBytes,
        long diskFreeBytes,
        Boolean diskEncrypted,
        String osName,
        String osVersion,
        String osBuild,
        Instant bootTime,
        String connection,
        String macAddress) {}
