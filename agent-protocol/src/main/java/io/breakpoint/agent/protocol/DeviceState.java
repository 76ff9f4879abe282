package io.breakpoint.agent.protocol;

import java.util.List;

/** How busy the device is: shares from 0 to 1, and the heaviest processes by CPU. */
public record DeviceState(double cpuLoad, double memoryLoad, double diskUsed, List<ProcessLoad> topProcesses) {

    public record ProcessLoad(String name, double cpuShare, long residentBytes) {}
}
