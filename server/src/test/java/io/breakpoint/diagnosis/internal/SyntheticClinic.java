package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.internal.SiteMeasurements.*;

import java.time.*;
import java.util.*;
import java.util.function.Predicate;

/**
 * Synthetic telemetry for engine tests: a clinic with segments and devices, four weeks of hourly points around
 * healthy levels with a little deterministic noise, and faults written over chosen hours and devices.
 */
final class SyntheticClinic {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** A Tuesday 14:30 in Chicago: inside clinic hours. */
    static final Instant NOW = ZonedDateTime.of(2026, 11, 24, 14, 30, 0, 0, CHICAGO).toInstant();
    static final Map<Hop, Double> HEALTHY = Map.of(Hop.GATEWAY, 3.0, Hop.EDGE, 9.0, Hop.REFERENCE, 28.0,
            Hop.EMR, 180.0, Hop.EMR_TRANSACTION, 650.0);

    final UUID siteId = UUID.randomUUID();
    final String siteName;
    final List<Segment> segments = new ArrayList<>();
    final Map<UUID, DeviceBuilder> devices = new LinkedHashMap<>();
    final List<PeerSite> peers = new ArrayList<>();
    private final Random random = new Random(42);
    int weeks = 4;
    Instant now = NOW;

    SyntheticClinic(String siteName) {
        this.siteName = siteName;
    }

    static SyntheticClinic clinic(String name) {
        return new SyntheticClinic(name);
    }

    UUID segment(String name, Purpose purpose, boolean sharedWithGuest) {
        Segment s = new Segment(UUID.randomUUID(), name, purpose, sharedWithGuest);
        segments.add(s);
        return s.id();
    }

    DeviceBuilder device(String name, UUID segment) {
        DeviceBuilder d = new DeviceBuilder(UUID.randomUUID(), name, segment);
        devices.put(d.id, d);
        return d;
    }

    /** A clinic with a clinical segment of {@code clinical} devices and a front-desk segment of {@code front}. */
    static SyntheticClinic withTwoSegments(String name, int clinical, int front) {
        SyntheticClinic c = clinic(name);
        UUID a = c.segment("Clinical", Purpose.CLINICAL, false);
        UUID b = c.segment("Front desk", Purpose.CLINICAL, false);
        for (int i = 1; i <= clinical; i++) c.device("exam-" + i, a);
        for (int i = 1; i <= front; i++) c.device("front-" + i, b);
        return c;
    }

    UUID segmentId(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }

    DeviceBuilder named(String name) {
        return devices.values().stream().filter(d -> d.name.equals(name)).findFirst().orElseThrow();
    }

    List<DeviceBuilder> on(String segment) {
        UUID id = segmentId(segment);
        return devices.values().stream().filter(d -> d.segment.equals(id)).toList();
    }

    /** Another site on the same EMR, healthy unless told otherwise. */
    SyntheticClinic peer(String name, Map<Hop, Double> factorNow) {
        Map<Hop, List<Point>> hops = new EnumMap<>(Hop.class);
        for (Hop hop : List.of(Hop.REFERENCE, Hop.EMR)) {
            List<Point> points = new ArrayList<>();
            for (Instant at : hours()) {
                double v = HEALTHY.get(hop) * noise();
                if (!at.isBefore(currentFrom())) v *= factorNow.getOrDefault(hop, 1.0);
                points.add(new Point(at, v, 1, 0, 60));
            }
            hops.put(hop, points);
        }
        peers.add(new PeerSite(UUID.randomUUID(), name, hops));
        return this;
    }

    Instant currentFrom() {
        return now.minus(Duration.ofHours(1));
    }

    List<Instant> hours() {
        List<Instant> hours = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(7L * weeks)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (Instant at = start; !at.isAfter(now); at = at.plus(Duration.ofHours(1))) hours.add(at);
        return hours;
    }

    double noise() {
        return 0.92 + random.nextDouble() * 0.16;
    }

    SiteMeasurements build() {
        Map<DayOfWeek, ClinicHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            hours.put(d, new ClinicHours(LocalTime.of(7, 30), LocalTime.of(17, 30)));
        }
        return new SiteMeasurements(siteId, siteName, CHICAGO, hours, segments,
                devices.values().stream().map(DeviceBuilder::build).toList(), peers);
    }

    /** When a fault applies, in server time. */
    Predicate<Instant> current() {
        Instant from = currentFrom();
        return at -> !at.isBefore(from);
    }

    /** Weekday afternoons 13:00 to 15:00 in the clinic's zone, every week. */
    static Predicate<Instant> weekdayAfternoons() {
        return at -> {
            ZonedDateTime z = at.atZone(CHICAGO);
            return z.getDayOfWeek().getValue() <= 5 && z.getHour() >= 13 && z.getHour() < 15;
        };
    }

    final class DeviceBuilder {
        final UUID id;
        final String name;
        final UUID segment;
        Hardware hardware = new Hardware("OptiPlex 7090", 8, 16L << 30);
        Duration clockOffset = Duration.ZERO;
        Duration stampOffset = Duration.ZERO;
        final List<Fault> faults = new ArrayList<>();
        final List<LoadFault> loads = new ArrayList<>();
        Set<Hop> measured = EnumSet.allOf(Hop.class);
        Instant firstSeen;

        DeviceBuilder(UUID id, String name, UUID segment) {
            this.id = id;
            this.name = name;
            this.segment = segment;
        }

        DeviceBuilder slower(Hop hop, double factor, Predicate<Instant> when) {
            faults.add(new Fault(hop, factor, 0, 0, when));
            return this;
        }

        DeviceBuilder losing(Hop hop, double loss, double jitterMs, Predicate<Instant> when) {
            faults.add(new Fault(hop, 1, loss, jitterMs, when));
            return this;
        }

        DeviceBuilder busy(double cpu, double memory, Duration lastFor) {
            loads.add(new LoadFault(cpu, memory, lastFor));
            return this;
        }

        DeviceBuilder hardware(String model, int cores, int gb) {
            hardware = new Hardware(model, cores, (long) gb << 30);
            return this;
        }

        /** The agent's clock runs ahead, and the server has estimated by how much. */
        DeviceBuilder clockAhead(Duration offset) {
            clockOffset = offset;
            stampOffset = offset;
            return this;
        }

        /** The agent's clock runs ahead and the server does not know it (no estimate yet). */
        DeviceBuilder clockAheadUnnoticed(Duration offset) {
            stampOffset = offset;
            return this;
        }

        DeviceBuilder onlySince(Instant since) {
            firstSeen = since;
            return this;
        }

        Device build() {
            Map<Hop, List<Point>> hops = new EnumMap<>(Hop.class);
            for (Hop hop : measured) {
                List<Point> points = new ArrayList<>();
                for (Instant at : hours()) {
                    if (firstSeen != null && at.isBefore(firstSeen)) continue;
                    double v = HEALTHY.get(hop) * noise(), loss = 0, jitter = Math.min(2, v * 0.05);
                    for (Fault f : faults) {
                        if (f.hop == hop && f.when.test(at)) {
                            v *= f.factor;
                            loss = Math.max(loss, f.loss);
                            jitter = Math.max(jitter, f.jitterMs);
                        }
                    }
                    // The agent stamps with its own clock: ahead by clockOffset.
                    points.add(new Point(at.plus(stampOffset), v, jitter, loss, 60));
                }
                hops.put(hop, points);
            }
            List<Load> load = new ArrayList<>();
            for (int m = 120; m >= 0; m--) {
                Instant at = now.minus(Duration.ofMinutes(m));
                double cpu = 0.2 + random.nextDouble() * 0.2, memory = 0.5;
                for (LoadFault l : loads) {
                    if (!at.isBefore(now.minus(l.lastFor))) {
                        cpu = l.cpu;
                        memory = l.memory;
                    }
                }
                load.add(new Load(at.plus(stampOffset), Duration.ofMinutes(1), cpu, memory, 0.5));
            }
            return new Device(id, name, segment, hardware, clockOffset, hops, load);
        }
    }

    record Fault(Hop hop, double factor, double loss, double jitterMs, Predicate<Instant> when) {
    }

    record LoadFault(double cpu, double memory, Duration lastFor) {
    }
}
