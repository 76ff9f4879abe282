package io.breakpoint.agent.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The default route's gateway and interface, from Linux's {@code /proc/net/route}; elsewhere from OSHI. */
public final class DefaultGateway {

    /** @param address dotted IPv4; {@code iface} may be null when only the address is known */
    public record Route(String address, String iface) {}

    private DefaultGateway() {}

    public static Route find() {
        Path table = Path.of("/proc/net/route");
        if (Files.isReadable(table)) {
            try {
                Route route = parse(Files.readAllLines(table));
                if (route != null) return route;
            } catch (IOException | RuntimeException unreadable) {
                // fall through to OSHI
            }
        }
        try {
            String gateway = new oshi.SystemInfo().getOperatingSystem().getNetworkParams().getIpv4DefaultGateway();
            return gateway == null || gateway.isEmpty() ? null : new Route(gateway, null);
        } catch (RuntimeException | LinkageError unsupported) {
            return null;
        }
    }

    /**
     * The lowest-metric line with destination 0.0.0.0 and the gateway flag. Addresses are little-endian
     * hex: {@code 0101A8C0} is 192.168.1.1.
     */
    static Route parse(List<String> lines) {
        Route best = null;
        long bestMetric = Long.MAX_VALUE;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || !"00000000".equals(f[1])) continue;
            int flags = Integer.parseInt(f[3], 16);
            if ((flags & 0x2) == 0) continue; // RTF_GATEWAY
            long metric = Long.parseLong(f[6]);
            if (metric >= bestMetric) continue;
            long hex = Long.parseLong(f[2], 16);
            String address = (hex & 0xff) + "." + ((hex >> 8) & 0xff) + "." + ((hex >> 16) & 0xff) + "." + ((hex >> 24) & 0xff);
            best = new Route(address, f[0]);
            bestMetric = metric;
        }
        return best;
    }
}
