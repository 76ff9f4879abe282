package io.breakpoint.diagnosis.internal;

import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.diagnosis.internal.SiteMeasurements.*;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.telemetry.*;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.*;

/**
 * The engine's input from the telemetry module's read API: hourly rollups for the weeks of history, raw
 * measurements for the last hours (finer, and not rolled up yet), the devices' load from their samples. Times are
 * already on the server's clock (telemetry corrects large agent skew on arrival).
 */
@Component
class TelemetryMeasurements implements MeasurementSource, BurstStore {

    /**
     * Raw measurements cover the hour before "to" and the rest of the hour it started in; rollups the hours before,
     * which the rollup job (every 5 minutes) has built by then.
     */
    static final Duration RAW = Duration.ofHours(1);

    private final TelemetryReadings readings;
    private final Devices devices;
    private final TelemetryIntake intake;
    private final Directory directory;

    TelemetryMeasurements(TelemetryReadings readings, Devices devices, TelemetryIntake intake, Directory directory) {
        this.readings = readings;
        this.devices = devices;
        this.intake = intake;
        this.directory = directory;
    }

    @Override
    public BatchReceipt store(AuthenticatedDevice device, List<Sample> burst) {
        return intake.ingest(device, new TelemetryBatch(device.deviceId(), null, burst));
    }

    @Override
    public Optional<DeviceRef> device(UUID deviceId) {
        return devices.find(deviceId).filter(d -> !d.retired()).map(TelemetryMeasurements::ref);
    }

    private static DeviceRef ref(DeviceView d) {
        Map<String, String> facts = new LinkedHashMap<>();
        DeviceFacts f = d.facts();
        if (f != null) {
            put(facts, "Model", join(f.manufacturer(), f.model()));
            put(facts, "CPU", f.cpuModel() == null ? null : f.cpuModel() + (f.cpuCores() > 0 ? " (" + f.cpuCores() + " cores)" : ""));
            if (f.memoryBytes() > 0) facts.put("Memory", Math.round(f.memoryBytes() / 1073741824.0) + " GB");
            if (f.diskTotalBytes() > 0) {
                facts.put("Disk", Math.round(f.diskFreeBytes() / 1073741824.0) + " GB free of " + Math.round(f.diskTotalBytes() / 1073741824.0) + " GB");
            }
            put(facts, "Operating system", join(f.osName(), f.osVersion(), f.osBuild() == null ? null : "build " + f.osBuild()));
            put(facts, "Connection", f.connection());
            if (f.bootTime() != null) facts.put("Up since", f.bootTime().truncatedTo(ChronoUnit.MINUTES).toString());
        }
        put(facts, "Segment", d.segmentName() == null ? null : d.segmentName() + " (" + d.segmentPurpose() + ")");
        put(facts, "Address", d.localAddress());
        put(facts, "Agent", d.agentVersion());
        facts.put("Last seen", d.lastSeenAt().truncatedTo(ChronoUnit.SECONDS).toString());
        if (d.clockSkewMs() != null && Math.abs(d.clockSkewMs()) >= 1000) facts.put("Clock skew", Math.round(d.clockSkewMs() / 1000.0) + " s");
        return new DeviceRef(d.id(), d.siteId(), d.organizationId(), d.hostname(), facts);
    }

    @Override
    public SiteMeasurements site(UUID siteId, String siteName, ZoneId zone, Map<DayOfWeek, ClinicHours> clinicHours,
                                 Instant from, Instant to) {
        List<DeviceView> registered = devices.bySite(siteId).stream().filter(d -> !d.retired()).toList();
        Instant rawFrom = to.minus(RAW).truncatedTo(ChronoUnit.HOURS);
        History past = from.isBefore(rawFrom) ? history(siteId, from.truncatedTo(ChronoUnit.HOURS), rawFrom) : History.EMPTY;
        Map<UUID, Map<Hop, List<Point>>> series = new HashMap<>();
        past.series().forEach((device, hops) -> {
            Map<Hop, List<Point>> copy = new EnumMap<>(Hop.class);
            hops.forEach((hop, points) -> copy.put(hop, new ArrayList<>(points)));
            series.put(device, copy);
        });
        Set<String> emrHosts = new HashSet<>(past.emrHosts());
        Instant rawStart = from.isAfter(rawFrom) ? from : rawFrom;
        for (ProbeReading p : readings.rawForSite(siteId, rawStart, to.plusSeconds(1))) {
            Hop hop = hop(p.hop());
            if (hop == null) continue;
            if (hop == Hop.EMR) emrHosts.add(host(p.target()));
            Double ms = hop == Hop.EMR && p.firstByteMs() != null ? p.firstByteMs() : p.latencyMs();
            if (ms == null) continue; // failed outright: counted as loss through the attempts of the others
            double loss = p.attempts() == 0 ? 0 : (double) p.failures() / p.attempts();
            series.computeIfAbsent(p.deviceId(), k -> new EnumMap<>(Hop.class)).computeIfAbsent(hop, k -> new ArrayList<>())
                    .add(new Point(p.takenAt(), ms, p.jitterMs() == null ? 0 : p.jitterMs(), loss, Math.max(1, p.attempts())));
        }
        Map<UUID, List<Load>> loads = new HashMap<>();
        Set<UUID> guestReaching = new HashSet<>();
        for (DeviceStateReading s : readings.statesForSite(siteId, rawStart, to.plusSeconds(1))) {
            if (s.cpuLoad() != null || s.memoryLoad() != null) {
                loads.computeIfAbsent(s.deviceId(), k -> new ArrayList<>()).add(new Load(s.takenAt(), Duration.ofMinutes(1),
                        s.cpuLoad() == null ? 0 : s.cpuLoad(), s.memoryLoad() == null ? 0 : s.memoryLoad(),
                        s.diskUsed() == null ? 0 : s.diskUsed()));
            }
            if (s.guestReachable() != null && s.guestReachable() > 0 && s.segmentId() != null) guestReaching.add(s.segmentId());
        }
        Map<UUID, Segment> segments = new LinkedHashMap<>();
        for (DeviceView d : registered) {
            if (d.segmentId() == null || segments.containsKey(d.segmentId())) continue;
            Purpose purpose = purpose(d.segmentPurpose());
            segments.put(d.segmentId(), new Segment(d.segmentId(), d.segmentName(), purpose,
                    guestReaching.contains(d.segmentId()) && purpose != Purpose.GUEST));
        }
        List<Device> list = new ArrayList<>();
        for (DeviceView d : registered) {
            DeviceFacts f = d.facts();
            Hardware hardware = f == null ? Hardware.UNKNOWN : new Hardware(join(f.manufacturer(), f.model()), f.cpuCores(), f.memoryBytes());
            list.add(new Device(d.id(), d.hostname(), d.segmentId(), hardware, Duration.ZERO,
                    series.getOrDefault(d.id(), Map.of()), loads.getOrDefault(d.id(), List.of())));
        }
        return new SiteMeasurements(siteId, siteName, zone, clinicHours, new ArrayList<>(segments.values()), list,
                peers(siteId, emrHosts, from, to));
    }

    /** A site's rollups before the raw window, as the engine's points, and the EMR hosts its agents probe. */
    record History(Map<UUID, Map<Hop, List<Point>>> series, Set<String> emrHosts, Instant readAt) {
        static final History EMPTY = new History(Map.of(), Set.of(), Instant.EPOCH);
    }

    private record HistoryKey(UUID siteId, Instant from, Instant to) {
    }

    /**
     * Hourly rollups of finished hours change only when late samples arrive: a site's weeks of them are read once
     * per hour (and at most every {@link #HISTORY_FRESH}), not on every diagnosis. A few sites are kept.
     */
    static final Duration HISTORY_FRESH = Duration.ofMinutes(10);
    private static final int HISTORY_SITES = 8;
    private final Map<HistoryKey, History> histories = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<HistoryKey, History> eldest) {
            return size() > HISTORY_SITES;
        }
    });

    private History history(UUID siteId, Instant from, Instant to) {
        HistoryKey key = new HistoryKey(siteId, from, to);
        History cached = histories.get(key);
        Instant now = Instant.now();
        if (cached != null && cached.readAt().plus(HISTORY_FRESH).isAfter(now)) return cached;
        Map<UUID, Map<Hop, List<Point>>> series = new HashMap<>();
        Set<String> emrHosts = new HashSet<>();
        for (HourlyRollup r : readings.hourlyForSite(siteId, from, to)) {
            Hop hop = hop(r.hop());
            if (hop == null) continue;
            if (hop == Hop.EMR) emrHosts.add(host(r.target()));
            Double ms = hop == Hop.EMR && r.firstByteMeanMs() != null ? r.firstByteMeanMs() : r.latencyP50Ms();
            if (ms == null) ms = r.attempts() > 0 && r.failures() == r.attempts() ? null : r.latencyMeanMs();
            if (ms == null) continue;
            double loss = r.attempts() == 0 ? 0 : (double) r.failures() / r.attempts();
            series.computeIfAbsent(r.deviceId(), k -> new EnumMap<>(Hop.class)).computeIfAbsent(hop, k -> new ArrayList<>())
                    .add(new Point(r.hour(), ms, r.jitterMeanMs() == null ? 0 : r.jitterMeanMs(), loss, r.attempts()));
        }
        History h = new History(series, emrHosts, now);
        histories.put(key, h);
        return h;
    }

    /**
     * The other sites of the same organization whose agents probe the same EMR host, as site-level series (the
     * median over their devices per hour). Sites of other organizations are not compared yet: identity has no
     * API that lists every site of the MSP for a module acting on the desk's behalf.
     */
    private List<PeerSite> peers(UUID siteId, Set<String> emrHosts, Instant from, Instant to) {
        if (emrHosts.isEmpty()) return List.of();
        SiteSummary site = directory.site(siteId).orElse(null);
        if (site == null) return List.of();
        Actor organization = new Actor(null, "diagnosis@" + site.organizationId(), "Diagnosis", Role.ORG_ADMIN,
                site.organizationId(), Set.of(site.organizationId()));
        Map<UUID, String> others = new LinkedHashMap<>();
        for (SiteSummary s : directory.sites(organization, site.organizationId())) if (!s.id().equals(siteId)) others.put(s.id(), s.name());
        if (others.isEmpty()) return List.of();
        // site -> hop -> hour -> values over its devices
        Map<UUID, Map<Hop, TreeMap<Instant, List<Double>>>> bySite = new HashMap<>();
        Set<UUID> sameEmr = new HashSet<>();
        // Finished hours from the cache (they change only with late samples), the last ones read now.
        Instant recent = to.minus(RAW).truncatedTo(ChronoUnit.HOURS);
        List<HourlyRollup> rows = new ArrayList<>(peerHistory(others.keySet(), from.truncatedTo(ChronoUnit.HOURS), recent));
        rows.addAll(readings.hourlyForSites(others.keySet(), recent, to));
        for (HourlyRollup r : rows) {
            Hop hop = hop(r.hop());
            if (hop != Hop.REFERENCE && hop != Hop.EMR) continue;
            if (hop == Hop.EMR && emrHosts.contains(host(r.target()))) sameEmr.add(r.siteId());
            Double ms = hop == Hop.EMR && r.firstByteMeanMs() != null ? r.firstByteMeanMs() : r.latencyP50Ms();
            if (ms == null) continue;
            bySite.computeIfAbsent(r.siteId(), k -> new EnumMap<>(Hop.class)).computeIfAbsent(hop, k -> new TreeMap<>())
                    .computeIfAbsent(r.hour(), k -> new ArrayList<>()).add(ms);
        }
        List<PeerSite> peers = new ArrayList<>();
        for (UUID id : sameEmr) {
            Map<Hop, List<Point>> hops = new EnumMap<>(Hop.class);
            bySite.get(id).forEach((hop, hours) -> {
                List<Point> points = new ArrayList<>();
                hours.forEach((hour, values) -> points.add(new Point(hour, BreakpointEngine.median(values), 0, 0, values.size())));
                hops.put(hop, points);
            });
            peers.add(new PeerSite(id, others.get(id), hops));
        }
        return peers;
    }

    private record PeerKey(Set<UUID> sites, Instant from, Instant to) {
    }

    private record PeerRows(List<HourlyRollup> rows, Instant readAt) {
    }

    private final Map<PeerKey, PeerRows> peerRows = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PeerKey, PeerRows> eldest) {
            return size() > HISTORY_SITES;
        }
    });

    /** The peers' rollups of finished hours, only the hops the comparison uses, read once per hour like a site's own. */
    private List<HourlyRollup> peerHistory(Set<UUID> sites, Instant from, Instant to) {
        if (!from.isBefore(to)) return List.of();
        PeerKey key = new PeerKey(Set.copyOf(sites), from, to);
        PeerRows cached = peerRows.get(key);
        Instant now = Instant.now();
        if (cached != null && cached.readAt().plus(HISTORY_FRESH).isAfter(now)) return cached.rows();
        List<HourlyRollup> rows = readings.hourlyForSites(sites, from, to).stream()
                .filter(r -> "REFERENCE".equals(r.hop()) || "EMR".equals(r.hop())).toList();
        peerRows.put(key, new PeerRows(rows, now));
        return rows;
    }

    private static Hop hop(String name) {
        try {
            return Hop.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException other) {
            return null; // THROUGHPUT and hops this engine does not read
        }
    }

    private static Purpose purpose(SegmentPurpose p) {
        if (p == null) return Purpose.OTHER;
        try {
            return Purpose.valueOf(p.name());
        } catch (IllegalArgumentException unknown) {
            return Purpose.OTHER;
        }
    }

    private static String host(String target) {
        if (target == null) return "";
        try {
            String h = URI.create(target).getHost();
            return h == null ? target : h;
        } catch (IllegalArgumentException notAUrl) {
            return target;
        }
    }

    private static void put(Map<String, String> facts, String label, String value) {
        if (value != null && !value.isBlank()) facts.put(label, value);
    }

    private static String join(String... parts) {
        StringJoiner j = new StringJoiner(" ");
        for (String p : parts) if (p != null && !p.isBlank()) j.add(p);
        return j.length() == 0 ? null : j.toString();
    }
}
