package io.breakpoint.diagnosis.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the engine looks at for one site, as plain values so that it can be tested alone: the site's
 * segments and devices with their per-hop series and load, and the same EMR's other sites as site-level series.
 * Where the numbers come from (raw samples, hourly rollups) is the caller's business.
 */
public record SiteMeasurements(UUID siteId, String siteName, ZoneId zone, Map<DayOfWeek, ClinicHours> clinicHours,
                               List<Segment> segments, List<Device> devices, List<PeerSite> peers) {

    public SiteMeasurements {
        clinicHours = clinicHours.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(clinicHours));
        segments = List.copyOf(segments);
        devices = List.copyOf(devices);
        peers = List.copyOf(peers);
    }

    /** The hops of the data path in the order a request crosses them. */
    public enum Hop {
        GATEWAY("gateway round trip"),
        EDGE("site edge round trip"),
        REFERENCE("reference host round trip"),
        EMR("EMR time to first byte"),
        EMR_TRANSACTION("EMR transaction");

        private final String label;

        Hop(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean beyondEdge() {
            return this == EDGE || this == REFERENCE;
        }
    }

    public enum Purpose { CLINICAL, GUEST, IMAGING, VOICE, SERVERS, OTHER }

    public record ClinicHours(LocalTime opens, LocalTime closes) {
    }

    /**
     * A network segment. {@code sharedWithGuest}: guest devices are on it, or a clinical device on it reached a
     * guest address in the segmentation check.
     */
    public record Segment(UUID id, String name, Purpose purpose, boolean sharedWithGuest) {
    }

    /**
     * One measurement of a hop, or the summary of several (an hourly rollup): the median time in ms, the
     * jitter, the share of failed tries, and how many probes it sums up.
     */
    public record Point(Instant at, double ms, double jitterMs, double loss, int probes) {
    }

    /** The device's load over {@code span} from {@code at}: shares from 0 to 1 (a rollup gives the hour's high). */
    public record Load(Instant at, Duration span, double cpu, double memory, double disk) {
    }

    /** What the device is built with; 0 when unknown. */
    public record Hardware(String model, int cpuCores, long memoryBytes) {
        public static final Hardware UNKNOWN = new Hardware(null, 0, 0);
    }

    /**
     * A device with its series. {@code clockOffset} is how far the agent's clock runs ahead of the server's
     * (estimated from each batch's sentAt); the engine moves the device's times back by it.
     */
    public record Device(UUID id, String name, UUID segmentId, Hardware hardware, Duration clockOffset,
                         Map<Hop, List<Point>> hops, List<Load> load) {
        public Device {
            hops = hops.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hops));
            load = List.copyOf(load);
            clockOffset = clockOffset == null ? Duration.ZERO : clockOffset;
            hardware = hardware == null ? Hardware.UNKNOWN : hardware;
        }

        public List<Point> series(Hop hop) {
            return hops.getOrDefault(hop, List.of());
        }
    }

    /** Another site on the same EMR, as site-level series (the median over its devices per time). */
    public record PeerSite(UUID id, String name, Map<Hop, List<Point>> hops) {
        public PeerSite {
            hops = hops.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hops));
        }

        public List<Point> series(Hop hop) {
            return hops.getOrDefault(hop, List.of());
        }
    }
}
