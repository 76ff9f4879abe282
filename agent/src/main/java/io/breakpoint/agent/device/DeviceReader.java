package io.breakpoint.agent.device;

import io.breakpoint.agent.probe.DefaultGateway;
import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.DeviceState;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The device's facts and load, through OSHI. One instance lives as long as the agent: CPU and process
 * loads are measured between two calls of {@link #state()}. Any fact OSHI cannot give is null.
 */
public final class DeviceReader {

    static final int TOP_PROCESSES = 5;

    private final SystemInfo system = new SystemInfo();
    private final HardwareAbstractionLayer hardware = system.getHardware();
    private final OperatingSystem os = system.getOperatingSystem();
    private long[] previousTicks;
    private long previousAt;
    private Map<Integer, Long> previousCpuTimes = new HashMap<>();

    public DeviceFacts facts() {
        ComputerSystem computer = quietly(hardware::getComputerSystem);
        CentralProcessor cpu = hardware.getProcessor();
        GlobalMemory memory = hardware.getMemory();
        FileStore root = rootStore();
        DefaultGateway.Route route = DefaultGateway.find();
        NetworkIF nic = route == null ? null : nic(route.iface());
        OperatingSystem.OSVersionInfo version = quietly(os::getVersionInfo);
        return new DeviceFacts(
                hostname(),
                computer == null ? null : blankToNull(computer.getManufacturer()),
                computer == null ? null : blankToNull(computer.getModel()),
                computer == null ? null : blankToNull(computer.getSerialNumber()),
                blankToNull(cpu.getProcessorIdentifier().getName()),
                cpu.getLogicalProcessorCount(),
                memory.getTotal(),
                root == null ? 0 : space(root, true),
                root == null ? 0 : space(root, false),
                DiskEncryption.ofRoot(),
                os.getFamily(),
                version == null ? null : version.getVersion(),
                version == null ? null : version.getBuildNumber(),
                os.getSystemBootTime() > 0 ? Instant.ofEpochSecond(os.getSystemBootTime()) : null,
                connection(route, nic),
                nic == null ? null : blankToNull(nic.getMacaddr()));
    }

    /** CPU load since the previous call (since start for the first), memory and disk use, heaviest processes. */
    public DeviceState state() {
        CentralProcessor cpu = hardware.getProcessor();
        long[] ticks = cpu.getSystemCpuLoadTicks();
        double cpuLoad = previousTicks == null ? 0 : cpu.getSystemCpuLoadBetweenTicks(previousTicks);
        previousTicks = ticks;
        GlobalMemory memory = hardware.getMemory();
        double memoryLoad = memory.getTotal() == 0 ? 0 : 1.0 - (double) memory.getAvailable() / memory.getTotal();
        FileStore root = rootStore();
        double diskUsed = 0;
        if (root != null) {
            long total = space(root, true);
            diskUsed = total == 0 ? 0 : 1.0 - (double) space(root, false) / total;
        }
        return new DeviceState(round(cpuLoad), round(memoryLoad), round(diskUsed), topProcesses(cpu.getLogicalProcessorCount()));
    }

    /**
     * The processes that used the most CPU since the previous call, as a share of the whole machine (like
     * {@code cpuLoad}). Only each process's CPU time is kept between calls.
     */
    private List<DeviceState.ProcessLoad> topProcesses(int cores) {
        long now = System.currentTimeMillis();
        List<OSProcess> processes = quietly(() -> os.getProcesses());
        if (processes == null) return List.of();
        Map<Integer, Long> cpuTimes = new HashMap<>(processes.size() * 2);
        List<DeviceState.ProcessLoad> loads = new ArrayList<>();
        double window = previousAt == 0 ? 0 : (now - previousAt) * (double) Math.max(1, cores);
        for (OSProcess p : processes) {
            long used = p.getKernelTime() + p.getUserTime();
            cpuTimes.put(p.getProcessID(), used);
            Long before = previousCpuTimes.get(p.getProcessID());
            double share;
            if (window > 0) share = before == null ? 0 : (used - before) / window;
            else share = p.getProcessCpuLoadCumulative() / Math.max(1, cores);
            loads.add(new DeviceState.ProcessLoad(p.getName(), round(Math.max(0, share)), p.getResidentSetSize()));
        }
        previousCpuTimes = cpuTimes;
        previousAt = now;
        loads.sort(Comparator.comparingDouble(DeviceState.ProcessLoad::cpuShare).reversed()
                .thenComparing(Comparator.comparingLong(DeviceState.ProcessLoad::residentBytes).reversed()));
        return new ArrayList<>(loads.subList(0, Math.min(TOP_PROCESSES, loads.size())));
    }

    /** The address of the interface that carries the default route, for placing the device on its segment. */
    public String localAddress() {
        DefaultGateway.Route route = DefaultGateway.find();
        NetworkIF nic = route == null ? null : nic(route.iface());
        if (nic != null && nic.getIPv4addr().length > 0) return nic.getIPv4addr()[0];
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private NetworkIF nic(String name) {
        if (name == null) return null;
        List<NetworkIF> nics = quietly(() -> hardware.getNetworkIFs(false));
        if (nics == null) return null;
        for (NetworkIF nic : nics) if (name.equals(nic.getName())) return nic;
        return null;
    }

    /** WIFI or WIRED from the default route's interface: Linux's {@code /sys/class/net/X/wireless}, else its IANA type. */
    private static String connection(DefaultGateway.Route route, NetworkIF nic) {
        if (route != null && route.iface() != null && Files.isDirectory(Path.of("/sys/class/net", route.iface()))) {
            return Files.exists(Path.of("/sys/class/net", route.iface(), "wireless")) ? "WIFI" : "WIRED";
        }
        if (nic == null) return "UNKNOWN";
        int type = nic.getIfType();
        if (type == 71) return "WIFI";   // ieee80211
        if (type == 6) return "WIRED";   // ethernetCsmacd
        return "UNKNOWN";
    }

    private static FileStore rootStore() {
        try {
            Path home = Path.of(System.getProperty("user.home"));
            return Files.getFileStore(home.getRoot() == null ? home : home.getRoot());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long space(FileStore store, boolean total) {
        try {
            return total ? store.getTotalSpace() : store.getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            // The name does not resolve (no DNS entry for it): the kernel still knows it; services have no $HOSTNAME.
            try {
                String kernel = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
                if (!kernel.isEmpty()) return kernel;
            } catch (IOException | RuntimeException notLinux) {
                // fall through to the environment
            }
            return System.getenv().getOrDefault("COMPUTERNAME", System.getenv("HOSTNAME"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || "unknown".equalsIgnoreCase(s.trim()) ? null : s.trim();
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }

    private interface Read<T> {
        T get();
    }

    /** OSHI throws on some platforms and in containers for facts it cannot read; those facts are unknown. */
    private static <T> T quietly(Read<T> read) {
        try {
            return read.get();
        } catch (RuntimeException | LinkageError unsupported) {
            return null;
        }
    }
}
