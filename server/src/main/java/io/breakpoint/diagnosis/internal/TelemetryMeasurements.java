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
import io.breakpoint.telemetry.TelemetryReadings.HopPoint;
import io.breakpoint.telemetry.TelemetryReadings.RawHopPoint;
import io.breakpoint.telemetry.TelemetryReadings.SampleTaken;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

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
        Instant historyFrom = from.truncatedTo(ChronoUnit.HOURS);
        Map<UUID, Map<Hop, List<Point>>> series = new HashMap<>();
        Set<String> emrHosts = new HashSet<>();
        if (from.isBefore(rawFrom)) {
            SiteHistory history = history(siteId, historyFrom, rawFrom);
            synchronized (history) {
                history.copy(historyFrom, rawFrom, series);
                emrHosts.addAll(history.emrHosts(historyFrom, rawFrom));
            }
        }
        Instant rawStart = from.isAfter(rawFrom) ? from : rawFrom;
        Instant rawEnd = to.plusSeconds(1);
        // kept from the hour on: a shorter window now does not drop what the next full-length one needs
        RecentRaw raw = recent(siteId, rawStart.truncatedTo(ChronoUnit.HOURS), rawEnd);
        Map<UUID, List<Load>> loads = new HashMap<>();
        Set<UUID> guestReaching;
        synchronized (raw) {
            raw.copy(rawStart, rawEnd, series);
            emrHosts.addAll(raw.emrHosts(rawStart, rawEnd));
            raw.copyLoads(rawStart, rawEnd, loads);
            guestReaching = raw.guestReaching(rawStart, rawEnd);
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

    /**
     * A site's hourly rollups in memory as the engine's points, per device and hop in time order, over
     * [{@code from}, {@code to}). Weeks of them are read once; later diagnoses read only the hours since, and again
     * the hours the rollup job rebuilt ({@link HourlyRollupsRebuilt}), which late samples can reach. Guarded by
     * its own lock.
     */
    static final class SiteHistory {
        final UUID siteId;
        final Instant readAt;
        Instant from, to;
        /** Hours from here on are read again by the next diagnosis (the rollup job rebuilt them); null: none. */
        Instant staleFrom;
        final Map<UUID, Map<Hop, List<Point>>> series = new HashMap<>();
        /** EMR host -> the hours it was probed in, so that a window names only the hosts probed within it. */
        final Map<String, TreeSet<Instant>> emrHours = new HashMap<>();

        SiteHistory(UUID siteId, Instant from, Instant readAt) {
            this.siteId = siteId;
            this.from = from;
            this.to = from;
            this.readAt = readAt;
        }

        /** Drops what it holds from {@code hour} on, then adds the rows read from there. */
        void replaceFrom(Instant hour, List<HopPoint> rows) {
            long cut = hour.toEpochMilli();
            for (Map<Hop, List<Point>> hops : series.values()) {
                for (List<Point> points : hops.values()) {
                    int keep = firstAtOrAfter(points, cut);
                    if (keep < points.size()) points.subList(keep, points.size()).clear();
                }
            }
            for (TreeSet<Instant> hours : emrHours.values()) hours.tailSet(hour, true).clear();
            for (HopPoint r : rows) {
                Hop hop = hop(r.hop());
                if (hop == null) continue;
                if (hop == Hop.EMR) emrHours.computeIfAbsent(host(r.target()), k -> new TreeSet<>()).add(r.at());
                Double ms = hop == Hop.EMR && r.firstByteMs() != null ? r.firstByteMs() : r.latencyMs();
                if (ms == null) continue;
                double loss = r.attempts() == 0 ? 0 : (double) r.failures() / r.attempts();
                series.computeIfAbsent(r.deviceId(), k -> new EnumMap<>(Hop.class)).computeIfAbsent(hop, k -> new ArrayList<>())
                        .add(new Point(r.at(), ms, r.jitterMs() == null ? 0 : r.jitterMs(), loss, r.attempts()));
            }
        }

        /** Copies the points of [from, to) into {@code into}, fresh lists that the caller may extend. */
        void copy(Instant from, Instant to, Map<UUID, Map<Hop, List<Point>>> into) {
            long a = from.toEpochMilli(), b = to.toEpochMilli();
            series.forEach((device, hops) -> hops.forEach((hop, points) -> {
                int i = firstAtOrAfter(points, a), j = firstAtOrAfter(points, b);
                if (i < j) into.computeIfAbsent(device, k -> new EnumMap<>(Hop.class)).put(hop, new ArrayList<>(points.subList(i, j)));
            }));
        }

        Set<String> emrHosts(Instant from, Instant to) {
            Set<String> hosts = new HashSet<>();
            emrHours.forEach((host, hours) -> {
                Instant first = hours.ceiling(from);
                if (first != null && first.isBefore(to)) hosts.add(host);
            });
            return hosts;
        }

        static int firstAtOrAfter(List<Point> points, long ms) {
            int lo = 0, hi = points.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (points.get(mid).at().toEpochMilli() < ms) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    /**
     * A site's raw hop rows and device states taken from {@code floor} on, as the engine's points per device and hop
     * and its loads per device, in time order,
     * kept between diagnoses: a diagnosis lists the samples received since the last one (looking back
     * {@link #SETTLE}), reads the rows of those it does not hold yet, late samples of an agent's offline queue
     * included, and drops the points older than its window. Guarded by its own lock.
     */
    static final class RecentRaw {
        Instant floor;
        final Instant readAt;
        /** The next read takes the samples received from here on. */
        Instant receivedFrom;
        final Map<UUID, Map<Hop, List<Point>>> series = new HashMap<>();
        /** EMR host -> the times it was probed (failed probes too), so that a window names only its hosts. */
        final Map<String, TreeSet<Instant>> emrTimes = new HashMap<>();
        /** Device -> its load per sample, in time order. */
        final Map<UUID, List<Load>> loads = new HashMap<>();
        /** Segment -> the times a device on it reached a guest network. */
        final Map<UUID, TreeSet<Instant>> guestTimes = new HashMap<>();
        /** The samples whose rows are held, with their taken time: one listed again is not read again. */
        final Map<UUID, Instant> samples = new HashMap<>();

        RecentRaw(Instant floor, Instant readAt, Instant receivedFrom) {
            this.floor = floor;
            this.readAt = readAt;
            this.receivedFrom = receivedFrom;
        }

        /**
         * Adds rows: those of a whole read, or those of samples just registered in {@link #samples} as new (rows
         * taken before the floor are not asked for).
         */
        void add(List<RawHopPoint> rows) {
            for (RawHopPoint row : rows) {
                HopPoint p = row.point();
                if (p.at().isBefore(floor)) continue;
                samples.putIfAbsent(row.sampleId(), p.at());
                Hop hop = hop(p.hop());
                if (hop == null) continue;
                if (hop == Hop.EMR) emrTimes.computeIfAbsent(host(p.target()), k -> new TreeSet<>()).add(p.at());
                Double ms = hop == Hop.EMR && p.firstByteMs() != null ? p.firstByteMs() : p.latencyMs();
                if (ms == null) continue; // failed outright: counted as loss through the attempts of the others
                double loss = p.attempts() == 0 ? 0 : (double) p.failures() / p.attempts();
                List<Point> points = series.computeIfAbsent(p.deviceId(), k -> new EnumMap<>(Hop.class))
                        .computeIfAbsent(hop, k -> new ArrayList<>());
                // after the points taken at the same time: a sample's rows keep their order; mostly an append
                points.add(SiteHistory.firstAtOrAfter(points, p.at().toEpochMilli() + 1),
                        new Point(p.at(), ms, p.jitterMs() == null ? 0 : p.jitterMs(), loss, Math.max(1, p.attempts())));
            }
        }

        /** Adds device states: those of a whole read, or those of samples just registered as new. */
        void addStates(List<DeviceStateReading> states) {
            for (DeviceStateReading s : states) {
                if (s.takenAt().isBefore(floor)) continue;
                samples.putIfAbsent(s.sampleId(), s.takenAt());
                if (s.cpuLoad() != null || s.memoryLoad() != null) {
                    List<Load> list = loads.computeIfAbsent(s.deviceId(), k -> new ArrayList<>());
                    list.add(firstLoadAtOrAfter(list, s.takenAt().toEpochMilli() + 1), new Load(s.takenAt(), Duration.ofMinutes(1),
                            s.cpuLoad() == null ? 0 : s.cpuLoad(), s.memoryLoad() == null ? 0 : s.memoryLoad(),
                            s.diskUsed() == null ? 0 : s.diskUsed()));
                }
                if (s.guestReachable() != null && s.guestReachable() > 0 && s.segmentId() != null) {
                    guestTimes.computeIfAbsent(s.segmentId(), k -> new TreeSet<>()).add(s.takenAt());
                }
            }
        }

        void copyLoads(Instant from, Instant to, Map<UUID, List<Load>> into) {
            long a = from.toEpochMilli(), b = to.toEpochMilli();
            loads.forEach((device, list) -> {
                int i = firstLoadAtOrAfter(list, a), j = firstLoadAtOrAfter(list, b);
                if (i < j) into.put(device, new ArrayList<>(list.subList(i, j)));
            });
        }

        /** The segments from which a device reached a guest network within [from, to). */
        Set<UUID> guestReaching(Instant from, Instant to) {
            Set<UUID> segments = new HashSet<>();
            guestTimes.forEach((segment, times) -> {
                Instant first = times.ceiling(from);
                if (first != null && first.isBefore(to)) segments.add(segment);
            });
            return segments;
        }

        private static int firstLoadAtOrAfter(List<Load> loads, long ms) {
            int lo = 0, hi = loads.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (loads.get(mid).at().toEpochMilli() < ms) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /** Forgets the points and states taken before {@code newFloor}. */
        void dropBefore(Instant newFloor) {
            if (!newFloor.isAfter(floor)) return;
            long cut = newFloor.toEpochMilli();
            for (Map<Hop, List<Point>> hops : series.values()) {
                for (List<Point> points : hops.values()) points.subList(0, SiteHistory.firstAtOrAfter(points, cut)).clear();
            }
            for (List<Load> list : loads.values()) list.subList(0, firstLoadAtOrAfter(list, cut)).clear();
            for (TreeSet<Instant> times : guestTimes.values()) times.headSet(newFloor).clear();
            guestTimes.values().removeIf(TreeSet::isEmpty);
            for (TreeSet<Instant> times : emrTimes.values()) times.headSet(newFloor).clear();
            emrTimes.values().removeIf(TreeSet::isEmpty);
            samples.values().removeIf(t -> t.isBefore(newFloor));
            floor = newFloor;
        }

        /** Appends the points of [from, to) to {@code into}, after what it holds (the hours before). */
        void copy(Instant from, Instant to, Map<UUID, Map<Hop, List<Point>>> into) {
            long a = from.toEpochMilli(), b = to.toEpochMilli();
            series.forEach((device, hops) -> hops.forEach((hop, points) -> {
                int i = SiteHistory.firstAtOrAfter(points, a), j = SiteHistory.firstAtOrAfter(points, b);
                if (i < j) {
                    into.computeIfAbsent(device, k -> new EnumMap<>(Hop.class)).computeIfAbsent(hop, k -> new ArrayList<>())
                            .addAll(points.subList(i, j));
                }
            }));
        }

        Set<String> emrHosts(Instant from, Instant to) {
            Set<String> hosts = new HashSet<>();
            emrTimes.forEach((host, times) -> {
                Instant first = times.ceiling(from);
                if (first != null && first.isBefore(to)) hosts.add(host);
            });
            return hosts;
        }
    }

    /**
     * How far back each read of new samples looks from the newest one received before it: an intake still
     * committing has received its samples at most this long before (the rollup job waits as long).
     */
    static final Duration SETTLE = Duration.ofMinutes(1);
    /** A site's raw rows are read whole again this often: a sample committed later than {@link #SETTLE} is seen then. */
    static final Duration RAW_FULL = Duration.ofHours(1);
    /** Each site kept holds one to two hours of raw rows (a 200-device site: about 160,000 points, 10–15 MB). */
    private static final int RAW_SITES = 8;
    private final Map<UUID, RecentRaw> recents = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, RecentRaw> eldest) {
            return size() > RAW_SITES;
        }
    });

    /**
     * The site's raw rows from {@code from} on, brought up to date; the caller copies out of it under its lock. A
     * window that ended more than an hour ago (a ticket's) or starts before what is kept is read whole over
     * [{@code from}, {@code until}) and not kept.
     */
    private RecentRaw recent(UUID siteId, Instant from, Instant until) {
        Instant now = Instant.now();
        RecentRaw r = recents.get(siteId);
        boolean expired = r == null || r.readAt.plus(RAW_FULL).isBefore(now);
        if (until.isBefore(now.minus(RAW)) || (!expired && from.isBefore(r.floor))) return whole(siteId, from, until, now);
        if (expired) {
            // no upper bound in effect: samples dated ahead (within the intake's allowed skew) are kept for later windows
            RecentRaw whole = whole(siteId, from, now.plus(1, ChronoUnit.DAYS), now);
            recents.put(siteId, whole);
            return whole;
        }
        synchronized (r) {
            r.dropBefore(from);
            Instant last = readings.lastReceivedAt(); // before the read: whatever arrives during it is read next time
            List<UUID> arrived = new ArrayList<>();
            for (SampleTaken t : readings.samplesReceivedForSite(siteId, r.receivedFrom, r.floor)) {
                if (r.samples.putIfAbsent(t.sampleId(), t.takenAt()) == null) arrived.add(t.sampleId());
            }
            // a few hundred a minute from a busy site; the bind list stays short
            for (int i = 0; i < arrived.size(); i += 1000) {
                List<UUID> some = arrived.subList(i, Math.min(arrived.size(), i + 1000));
                r.add(readings.rawPointsOfSamples(some));
                r.addStates(readings.statesOfSamples(some));
            }
            if (last != null && last.minus(SETTLE).isAfter(r.receivedFrom)) r.receivedFrom = last.minus(SETTLE);
        }
        return r;
    }

    /**
     * Hours this recent are read again on every diagnosis: the rollup job rebuilds the current and the last hour
     * every few minutes, and its event reaches only this server.
     */
    static final Duration REREAD = Duration.ofHours(2);
    /** How long a site's history is kept before it is read whole again (in the background): other servers' rebuilds. */
    static final Duration HISTORY_FULL = Duration.ofHours(1);
    /** A site's own history and its peers' share the cache; clinic sites have tens of devices, not hundreds. */
    private static final int HISTORY_SITES = 32;
    private final Map<UUID, SiteHistory> histories = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SiteHistory> eldest) {
            return size() > HISTORY_SITES;
        }
    });
    private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "diagnosis-history");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> refreshing = ConcurrentHashMap.newKeySet();

    @EventListener
    void rebuilt(HourlyRollupsRebuilt event) {
        event.earliestHourBySite().forEach((site, hour) -> {
            SiteHistory h = histories.get(site);
            if (h == null) return;
            synchronized (h) {
                if (h.staleFrom == null || hour.isBefore(h.staleFrom)) h.staleFrom = hour;
            }
        });
    }

    /** The site's history, holding at least [from, to) up to date; the caller copies out of it under its lock. */
    private SiteHistory history(UUID siteId, Instant from, Instant to) {
        Instant now = Instant.now();
        SiteHistory h = histories.get(siteId);
        if (h == null || from.isBefore(h.from)) {
            h = read(siteId, from, to, now);
            histories.put(siteId, h);
            return h;
        }
        if (h.readAt.plus(HISTORY_FULL).isBefore(now) && refreshing.add(siteId)) {
            SiteHistory old = h;
            refresher.execute(() -> {
                try {
                    SiteHistory fresh = read(siteId, from, to, Instant.now());
                    synchronized (old) {
                        fresh.staleFrom = old.staleFrom; // a rebuild announced while this read ran
                    }
                    histories.put(siteId, fresh);
                } finally {
                    refreshing.remove(siteId);
                }
            });
        }
        synchronized (h) {
            Instant again = now.truncatedTo(ChronoUnit.HOURS).minus(REREAD);
            if (h.to.isBefore(again)) again = h.to;
            if (h.staleFrom != null && h.staleFrom.isBefore(again)) again = h.staleFrom;
            if (again.isBefore(h.from)) again = h.from;
            Instant until = to.isAfter(h.to) ? to : h.to;
            if (again.isBefore(until)) {
                h.replaceFrom(again, readings.hourlyPointsForSites(List.of(siteId), HOPS, again, until));
                h.to = until;
                h.staleFrom = null;
            }
        }
        return h;
    }

    private SiteHistory read(UUID siteId, Instant from, Instant to, Instant now) {
        SiteHistory h = new SiteHistory(siteId, from, now);
        h.replaceFrom(from, readings.hourlyPointsForSites(List.of(siteId), HOPS, from, to));
        h.to = to;
        return h;
    }

    private RecentRaw whole(UUID siteId, Instant from, Instant until, Instant now) {
        Instant last = readings.lastReceivedAt();
        RecentRaw whole = new RecentRaw(from, now, last == null ? Instant.EPOCH : last.minus(SETTLE));
        whole.add(readings.rawPointsForSite(siteId, from, until));
        whole.addStates(readings.statesForSite(siteId, from, until));
        return whole;
    }

    private static final List<String> HOPS = Arrays.stream(Hop.values()).map(Enum::name).toList();

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
        // Each peer's rollups from the same cache as a site's own: its weeks are read once, the last hours each time.
        Instant hoursFrom = from.truncatedTo(ChronoUnit.HOURS);
        Instant hoursTo = to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        List<PeerSite> peers = new ArrayList<>();
        for (Map.Entry<UUID, String> other : others.entrySet()) {
            Map<UUID, Map<Hop, List<Point>>> series = new HashMap<>();
            SiteHistory h = history(other.getKey(), hoursFrom, hoursTo);
            boolean sameEmr;
            synchronized (h) {
                // hour_start < to, as the rows were read before
                h.copy(hoursFrom, to, series);
                sameEmr = h.emrHosts(hoursFrom, to).stream().anyMatch(emrHosts::contains);
            }
            if (!sameEmr) continue;
            // hop -> hour -> values over its devices
            Map<Hop, TreeMap<Instant, List<Double>>> byHour = new EnumMap<>(Hop.class);
            for (Map<Hop, List<Point>> hops : series.values()) {
                for (Hop hop : List.of(Hop.REFERENCE, Hop.EMR)) {
                    for (Point p : hops.getOrDefault(hop, List.of())) {
                        byHour.computeIfAbsent(hop, k -> new TreeMap<>()).computeIfAbsent(p.at(), k -> new ArrayList<>()).add(p.ms());
                    }
                }
            }
            Map<Hop, List<Point>> hops = new EnumMap<>(Hop.class);
            byHour.forEach((hop, hours) -> {
                List<Point> points = new ArrayList<>();
                hours.forEach((hour, values) -> points.add(new Point(hour, BreakpointEngine.median(values), 0, 0, values.size())));
                hops.put(hop, points);
            });
            peers.add(new PeerSite(other.getKey(), other.getValue(), hops));
        }
        return peers;
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

    /** Targets are a handful of URLs per site, seen on every EMR row: parsed once (a bounded memo). */
    private static final Map<String, String> HOSTS = new ConcurrentHashMap<>();

    private static String host(String target) {
        if (target == null) return "";
        String known = HOSTS.get(target);
        if (known != null) return known;
        if (HOSTS.size() > 1000) HOSTS.clear();
        String h = parseHost(target);
        HOSTS.put(target, h);
        return h;
    }

    private static String parseHost(String target) {
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
