package io.breakpoint.bench;

import java.lang.management.ManagementFactory;

/**
 * What the figures share the machine with: the one-minute load average (other processes compete for the same
 * cores) and this load generator's own CPU time.
 */
final class Machine {

    private Machine() {
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
