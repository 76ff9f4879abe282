package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.Breakpoint;
import io.breakpoint.diagnosis.Diagnosis;
import io.breakpoint.diagnosis.DiagnosisThresholds;
import io.breakpoint.diagnosis.Finding;
import io.breakpoint.diagnosis.RecurringWindow;
import io.breakpoint.diagnosis.internal.SiteMeasurements.*;

import java.time.*;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.*;

/**
 * The decision logic, in one place: which segment of the data path is at fault for a site (or one of its
 * devices) over a window. Plain Java, no Spring, no clock of its own: the caller says what "now" is.
 * The method, step by step and with the reasons for each threshold, is in docs/diagnosis.md.
 */
public final class BreakpointEngine {

    private static final Duration WEEK = Duration.ofDays(7);
    /** A baseline needs this many points before it is trusted as "usual". */
    private static final int MIN_BASELINE_POINTS = 3;
    private static final List<Hop> NETWORK = List.of(Hop.GATEWAY, Hop.EDGE, Hop.REFERENCE);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final DiagnosisThresholds t;

    public BreakpointEngine(DiagnosisThresholds thresholds) {
        this.t = thresholds;
    }

    /** The site's breakpoint over [from, to]; {@code now} is the server's time, to spot clocks running ahead. */
    public Diagnosis diagnoseSite(SiteMeasurements m, Instant from, Instant to, Instant now) {
        Analysis a = analyse(m, from, to, now);
        return conclude(a, null, a.findings);
    }

    /** One device's breakpoint over [from, to]: the faults of the site that touch it, widest first. */
    public Diagnosis diagnoseDevice(SiteMeasurements m, UUID deviceId, Instant from, Instant to, Instant now) {
        Analysis a = analyse(m, from, to, now);
        DeviceView device = a.devices.stream().filter(d -> d.device.id().equals(deviceId)).findFirst().orElse(null);
        List<Finding> own = a.findings.stream().filter(f -> f.devices().contains(deviceId)).toList();
        return conclude(a, device == null ? new DeviceView(null, Map.of(), null) : device, own);
    }

    // ---------------------------------------------------------------- reading one series against its baselines

    /** One hop of one device (or peer site) in the window, against its own history. */
    record Reading(Hop hop, int points, double current, double jitter, double loss, Double usual,
                   boolean seasonal, double deviations, int weeks, boolean bad, List<String> why) {
    }

    Reading read(Hop hop, List<Point> points, Instant from, Instant to) {
        // Primitive arrays and epoch milliseconds: this runs for every device and hop over weeks of points.
        int n = points.size();
        double[] current = new double[n], jitters = new double[n], history = new double[n];
        int currents = 0, histories = 0;
        double failed = 0, probes = 0;
        long fromMs = from.toEpochMilli(), toMs = to.toEpochMilli(), weekMs = WEEK.toMillis();
        long historyStart = fromMs - weekMs * t.baselineWeeks();
        double[] weekSum = new double[t.baselineWeeks() + 1];
        int[] weekCount = new int[t.baselineWeeks() + 1];
        for (Point p : points) {
            long at = p.at().toEpochMilli();
            if (at >= fromMs && at <= toMs) {
                current[currents] = p.ms();
                jitters[currents++] = p.jitterMs();
                int tries = Math.max(1, p.probes());
                failed += p.loss() * tries;
                probes += tries;
            } else if (at < fromMs && at >= historyStart) {
                history[histories++] = p.ms();
                // Which past week's copy of [from, to] (the same hours of the week) holds this point, if any.
                int weeksBack = (int) ((toMs - at) / weekMs);
                if (weeksBack >= 1 && weeksBack <= t.baselineWeeks()
                        && at >= fromMs - weeksBack * weekMs && at <= toMs - weeksBack * weekMs) {
                    weekSum[weeksBack] += p.ms();
                    weekCount[weeksBack]++;
                }
            }
        }
        if (currents == 0) return new Reading(hop, 0, 0, 0, 0, null, false, Double.NaN, 0, false, List.of());
        double cur = median(current, currents);
        double jitter = median(jitters, currents);
        double loss = probes == 0 ? 0 : failed / probes;
        List<Double> weekly = new ArrayList<>();
        for (int k = 1; k <= t.baselineWeeks(); k++) if (weekCount[k] > 0) weekly.add(weekSum[k] / weekCount[k]);
        Double overall = histories >= MIN_BASELINE_POINTS ? median(history, histories) : null;
        Double seasonalMean = weekly.isEmpty() ? null : mean(weekly);
        // Zabbix baselinedev: how many standard deviations the window sits from the same hours in past weeks.
        // The deviation is floored so that a perfectly flat history does not turn 0.1 ms into "infinitely many".
        double deviations = Double.NaN;
        if (weekly.size() >= 2) {
            double sd = Math.max(stdDev(weekly, seasonalMean), Math.max(0.1 * seasonalMean, 0.5));
            deviations = (cur - seasonalMean) / sd;
        }
        // The usual level: the same hour of the week when that was normal; when those hours were slow too (a
        // recurring problem), the level of all past hours, so that a chronic afternoon problem is not "usual".
        Double usual;
        boolean seasonal;
        if (seasonalMean != null && (overall == null || seasonalMean < overall * t.medianRatio())) {
            usual = seasonalMean;
            seasonal = true;
        } else {
            usual = overall;
            seasonal = false;
        }
        List<String> why = new ArrayList<>();
        if (loss > t.lossAbove()) why.add(percent(loss) + " of tries failed");
        if (jitter > t.jitterBadMs()) why.add("jitter " + ms(jitter) + " (above " + ms(t.jitterBadMs()) + ")");
        if (hop.beyondEdge() && cur > t.wanBadMs()) why.add("above the " + ms(t.wanBadMs()) + " a hosted EMR tolerates");
        // SmokePing's median ratio says "much slower"; Zabbix's baselinedev says "more than this hour usually swings".
        // Both must hold against the same hour of the week, so that an hour that is always noisy does not alarm.
        // When that hour was itself slow in past weeks (a recurring problem), only the ratio to the usual level counts.
        boolean unusual = !seasonal || Double.isNaN(deviations) || deviations >= t.deviations();
        if (usual != null && cur >= usual * t.medianRatio() && cur - usual >= t.minIncreaseMs() && unusual) {
            why.add(ratio(cur / usual) + " its usual " + ms(usual) + (seasonal ? " for this hour of the week" : ""));
        }
        return new Reading(hop, currents, cur, jitter, loss, usual, seasonal, deviations, weekly.size(),
                !why.isEmpty(), why);
    }

    // ---------------------------------------------------------------- the site

    record DeviceView(Device device, Map<Hop, Reading> readings, Strain strain) {
        boolean measured() {
            return readings.values().stream().anyMatch(r -> r.points() > 0);
        }

        Reading reading(Hop hop) {
            return readings.get(hop);
        }

        boolean has(Hop hop) {
            Reading r = readings.get(hop);
            return r != null && r.points() > 0;
        }

        boolean bad(Hop hop) {
            Reading r = readings.get(hop);
            return r != null && r.points() > 0 && r.bad();
        }

        UUID id() {
            return device.id();
        }

        String name() {
            return device.name();
        }
    }

    /** What the device itself shows: sustained CPU or memory load, a full disk, hardware below the EMR's minimum. */
    record Strain(List<String> load, String belowMinimum) {
        boolean loaded() {
            return !load.isEmpty();
        }
    }

    private static final class Analysis {
        SiteMeasurements site;
        Instant from, to;
        List<DeviceView> devices = new ArrayList<>();
        Map<UUID, Reading> peerReference = new HashMap<>();
        Map<UUID, Reading> peerEmr = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<RecurringWindow> recurring = List.of();
        int ignoredFuture;
    }

    private Analysis analyse(SiteMeasurements m, Instant from, Instant to, Instant now) {
        Analysis a = new Analysis();
        a.site = m;
        a.from = from;
        a.to = to;
        Instant latest = now.plus(t.futureTolerance());
        Map<UUID, Map<Hop, List<Point>>> corrected = new HashMap<>();
        for (Device d : m.devices()) {
            Map<Hop, List<Point>> hops = new EnumMap<>(Hop.class);
            for (Hop hop : Hop.values()) {
                List<Point> points = d.series(hop);
                if (points.isEmpty()) continue;
                if (d.clockOffset().isZero() && points.stream().noneMatch(p -> p.at().isAfter(latest))) {
                    hops.put(hop, points); // nothing to correct: no copy
                    continue;
                }
                List<Point> fixed = new ArrayList<>(points.size());
                for (Point p : points) {
                    // The agent's clock may run ahead or behind: move its times onto the server's clock first,
                    // and never let a point that still claims to come from the future count as "now".
                    Instant at = d.clockOffset().isZero() ? p.at() : p.at().minus(d.clockOffset());
                    if (at.isAfter(latest)) {
                        a.ignoredFuture++;
                        continue;
                    }
                    fixed.add(at == p.at() ? p : new Point(at, p.ms(), p.jitterMs(), p.loss(), p.probes()));
                }
                hops.put(hop, fixed);
            }
            corrected.put(d.id(), hops);
            Map<Hop, Reading> readings = new EnumMap<>(Hop.class);
            hops.forEach((hop, points) -> readings.put(hop, read(hop, points, from, to)));
            a.devices.add(new DeviceView(d, readings, strain(d, from, to, latest)));
        }
        for (PeerSite p : m.peers()) {
            a.peerReference.put(p.id(), read(Hop.REFERENCE, p.series(Hop.REFERENCE), from, to));
            Reading emr = read(Hop.EMR, p.series(Hop.EMR), from, to);
            if (emr.points() == 0) emr = read(Hop.EMR_TRANSACTION, p.series(Hop.EMR_TRANSACTION), from, to);
            a.peerEmr.put(p.id(), emr);
        }
        if (a.ignoredFuture > 0) {
            a.notes.add(a.ignoredFuture + " measurements stamped in the future even after correcting the agents' clocks were ignored.");
        }
        for (Segment s : m.segments()) {
            if (s.sharedWithGuest() && s.purpose() != Purpose.GUEST) {
                a.notes.add("Guest traffic shares the " + s.purpose().name().toLowerCase(Locale.ROOT) + " segment "
                        + s.name() + ": guests compete with clinical work for the same network.");
            }
        }
        for (DeviceView d : a.devices) {
            if (d.strain().belowMinimum() != null) a.notes.add(d.name() + ": " + d.strain().belowMinimum() + ".");
        }
        findLocalNetwork(a);
        findWan(a);
        findCloud(a);
        findEndpoints(a);
        a.findings.sort(Comparator.comparingInt((Finding f) -> scope(f.breakpoint())).reversed()
                .thenComparing(Comparator.comparingInt((Finding f) -> f.devices().size()).reversed())
                .thenComparing(Comparator.comparingDouble(Finding::confidence).reversed()));
        a.recurring = recurring(m, corrected);
        return a;
    }

    private Strain strain(Device d, Instant from, Instant to, Instant latest) {
        List<Load> loads = new ArrayList<>();
        for (Load l : d.load()) {
            Instant at = l.at().minus(d.clockOffset());
            if (at.isAfter(latest)) continue;
            if (at.plus(l.span()).isAfter(from) && !at.isAfter(to)) loads.add(new Load(at, l.span(), l.cpu(), l.memory(), l.disk()));
        }
        loads.sort(Comparator.comparing(Load::at));
        List<String> load = new ArrayList<>();
        Duration cpu = longestRun(loads, true);
        if (cpu.compareTo(t.saturatedFor()) >= 0) {
            load.add("CPU above " + percent(t.cpuSaturated()) + " for " + minutes(cpu) + " (peak "
                    + percent(loads.stream().mapToDouble(Load::cpu).max().orElse(0)) + ")");
        }
        Duration memory = longestRun(loads, false);
        if (memory.compareTo(t.saturatedFor()) >= 0) {
            load.add("memory above " + percent(t.memorySaturated()) + " for " + minutes(memory));
        }
        double disk = loads.stream().mapToDouble(Load::disk).max().orElse(0);
        if (disk > t.diskFull()) load.add("disk " + percent(disk) + " full");
        Hardware h = d.hardware();
        List<String> below = new ArrayList<>();
        if (h.cpuCores() > 0 && h.cpuCores() < t.emrMinimumCores()) {
            below.add(h.cpuCores() + " CPU cores (the EMR needs " + t.emrMinimumCores() + ")");
        }
        long gb = Math.round(h.memoryBytes() / (1024.0 * 1024 * 1024));
        if (h.memoryBytes() > 0 && gb < t.emrMinimumMemoryGb()) {
            below.add(gb + " GB of memory (the EMR needs " + t.emrMinimumMemoryGb() + " GB)");
        }
        String belowMinimum = below.isEmpty() ? null
                : (h.model() == null ? "hardware" : h.model()) + " below the EMR's minimum: " + String.join(", ", below);
        return new Strain(load, belowMinimum);
    }

    /** The longest stretch of consecutive load readings above the saturation line (a missing reading does not break it). */
    /**
     * The longest time the load stayed over the line. A reading covers its span, but no more than the time to the
     * next reading: agents sampling faster than their readings' span (every 3 s, each said to cover a minute) must
     * not turn 15 seconds of load into 5 minutes. Loads are sorted by time.
     */
    Duration longestRun(List<Load> loads, boolean cpu) {
        Duration best = Duration.ZERO, run = Duration.ZERO;
        for (int i = 0; i < loads.size(); i++) {
            Load l = loads.get(i);
            Duration span = l.span();
            if (i + 1 < loads.size()) {
                Duration gap = Duration.between(l.at(), loads.get(i + 1).at());
                if (gap.compareTo(span) < 0) span = gap;
            }
            boolean over = cpu ? l.cpu() > t.cpuSaturated() : l.memory() > t.memorySaturated();
            run = over ? run.plus(span) : Duration.ZERO;
            if (run.compareTo(best) > 0) best = run;
        }
        return best;
    }

    /** Most devices of a segment slow to their own gateway: the local network (LAN, Wi-Fi, switch) of that segment. */
    private void findLocalNetwork(Analysis a) {
        Map<UUID, List<DeviceView>> bySegment = bySegment(a);
        for (Segment s : a.site.segments()) {
            List<DeviceView> members = bySegment.getOrDefault(s.id(), List.of()).stream().filter(d -> d.has(Hop.GATEWAY)).toList();
            if (members.size() < 2) continue; // one device alone cannot tell its own link from the segment's
            List<DeviceView> slow = members.stream().filter(d -> d.bad(Hop.GATEWAY)).toList();
            double share = (double) slow.size() / members.size();
            if (share < t.shareOfDevices()) continue;
            List<String> evidence = new ArrayList<>();
            evidence.add(group("Gateway round trip", slow, Hop.GATEWAY) + " on segment " + s.name() + " ("
                    + slow.size() + " of " + members.size() + " devices)" + reasons(slow, Hop.GATEWAY));
            boolean otherFine = false;
            for (Segment other : a.site.segments()) {
                if (other.id().equals(s.id())) continue;
                List<DeviceView> others = bySegment.getOrDefault(other.id(), List.of()).stream().filter(d -> d.has(Hop.GATEWAY)).toList();
                if (others.isEmpty()) continue;
                long otherSlow = others.stream().filter(d -> d.bad(Hop.GATEWAY)).count();
                boolean fine = otherSlow < t.shareOfDevices() * others.size();
                otherFine |= fine;
                evidence.add("segment " + other.name() + (fine ? " normal at " : " also slow at ")
                        + ms(median(others.stream().map(d -> d.reading(Hop.GATEWAY).current()).toList())));
            }
            if (s.sharedWithGuest()) {
                evidence.add("guest devices share this " + s.purpose().name().toLowerCase(Locale.ROOT)
                        + " segment: guest traffic competes with clinical traffic");
            }
            double confidence = confidence(share, history(slow, Hop.GATEWAY), otherFine || s.sharedWithGuest(), slow, Hop.GATEWAY);
            String headline = "Local network: segment " + s.name() + " at " + a.site.siteName() + " is slow to its own gateway"
                    + (s.sharedWithGuest() ? ", and guest and clinical traffic share it" : "") + ".";
            a.findings.add(new Finding(Breakpoint.LOCAL_NETWORK, confidence, headline, summary(Breakpoint.LOCAL_NETWORK), evidence, ids(members),
                    List.of(a.site.siteId())));
        }
    }

    /** The gateway fine but the site edge or the reference host slow for most devices, other sites fine: the WAN link. */
    private void findWan(Analysis a) {
        Set<UUID> local = coveredBy(a, Breakpoint.LOCAL_NETWORK);
        List<DeviceView> candidates = a.devices.stream()
                .filter(d -> !local.contains(d.id()) && !d.bad(Hop.GATEWAY) && (d.has(Hop.EDGE) || d.has(Hop.REFERENCE)))
                .toList();
        List<DeviceView> slow = candidates.stream().filter(d -> d.bad(Hop.EDGE) || d.bad(Hop.REFERENCE)).toList();
        if (slow.isEmpty() || (double) slow.size() / candidates.size() < t.shareOfDevices()) return;
        if (candidates.size() >= 2 && slow.size() < 2) return;
        Hop hop = slow.stream().filter(d -> d.bad(Hop.EDGE)).count() * 2 > slow.size() ? Hop.EDGE : Hop.REFERENCE;
        PeerVerdict peers = peers(a.peerReference);
        if (peers.withData > 0 && peers.slowShare >= t.shareOfDevices()) {
            a.notes.add("The reference host is slow from " + peers.slow + " of " + peers.withData
                    + " other sites too: beyond this site's link.");
            return;
        }
        List<String> evidence = new ArrayList<>();
        List<DeviceView> withHop = slow.stream().filter(d -> d.has(hop)).toList();
        evidence.add(group(capitalise(hop.label()), withHop, hop) + " (" + slow.size() + " of " + candidates.size()
                + " devices)" + reasons(withHop, hop));
        List<DeviceView> gateway = candidates.stream().filter(d -> d.has(Hop.GATEWAY)).toList();
        if (!gateway.isEmpty()) {
            evidence.add("gateway normal at " + ms(median(gateway.stream().map(d -> d.reading(Hop.GATEWAY).current()).toList())));
        }
        if (peers.withData > 0) {
            evidence.add("other sites on the same EMR normal to the reference host (" + peers.fine + " of " + peers.withData
                    + ", median " + ms(peers.medianCurrent) + ")");
        }
        double share = (double) slow.size() / candidates.size();
        double confidence = confidence(share, history(slow, hop), peers.withData > 0 || !gateway.isEmpty(), withHop, hop);
        a.findings.add(new Finding(Breakpoint.WAN, confidence,
                "WAN: " + a.site.siteName() + "'s link beyond the gateway is slow for most devices" +
                        (peers.withData > 0 ? " while other sites are fine." : "."),
                summary(Breakpoint.WAN), evidence, ids(candidates), List.of(a.site.siteId())));
    }

    /** Every network hop fine but the EMR slow to answer: the EMR service (more sure when other sites see it too). */
    private void findCloud(Analysis a) {
        Set<UUID> covered = coveredBy(a, Breakpoint.LOCAL_NETWORK, Breakpoint.WAN);
        List<DeviceView> measured = a.devices.stream()
                .filter(d -> !covered.contains(d.id()) && (d.has(Hop.EMR) || d.has(Hop.EMR_TRANSACTION))).toList();
        List<DeviceView> slow = measured.stream()
                .filter(d -> NETWORK.stream().noneMatch(d::bad) && (d.bad(Hop.EMR) || d.bad(Hop.EMR_TRANSACTION))
                        && !d.strain().loaded())
                .toList();
        if (slow.isEmpty() || (double) slow.size() / measured.size() < t.shareOfDevices()) return;
        if (measured.size() >= 2 && slow.size() < 2) return;
        Hop hop = slow.stream().filter(d -> d.bad(Hop.EMR)).count() * 2 >= slow.size() ? Hop.EMR : Hop.EMR_TRANSACTION;
        List<DeviceView> withHop = slow.stream().filter(d -> d.bad(hop)).toList();
        PeerVerdict peers = peers(a.peerEmr);
        List<String> evidence = new ArrayList<>();
        evidence.add(group(capitalise(hop.label()), withHop, hop) + " (" + slow.size() + " of " + measured.size()
                + " devices)" + reasons(withHop, hop));
        List<String> network = new ArrayList<>();
        for (Hop h : NETWORK) {
            List<Double> values = slow.stream().filter(d -> d.has(h)).map(d -> d.reading(h).current()).toList();
            if (!values.isEmpty()) network.add(h.label() + " " + ms(median(values)));
        }
        if (!network.isEmpty()) evidence.add("the network path is normal: " + String.join(", ", network));
        List<UUID> sites = new ArrayList<>(List.of(a.site.siteId()));
        boolean everywhere = peers.withData > 0 && peers.slowShare >= t.shareOfDevices();
        if (peers.withData > 0) {
            evidence.add(everywhere
                    ? "other sites on the same EMR slow too (" + peers.slow + " of " + peers.withData + ", median " + ms(peers.medianCurrent) + ")"
                    : "other sites on the same EMR normal (" + peers.fine + " of " + peers.withData + "): the EMR's service for this site");
            if (everywhere) sites.addAll(peers.slowSites);
        }
        double share = (double) slow.size() / measured.size();
        double confidence = confidence(share, history(slow, hop), everywhere, withHop, hop) - (peers.withData > 0 && !everywhere ? 0.15 : 0);
        a.findings.add(new Finding(Breakpoint.CLOUD, round(confidence),
                "Cloud: the EMR answers slowly" + (everywhere ? " at every site that uses it" : " for " + a.site.siteName())
                        + " while the network path is fine.",
                everywhere ? "The EMR service itself is slow right now, at other clinics too; the clinic's network is fine. "
                        + "We are following it up with the vendor." : summary(Breakpoint.CLOUD),
                evidence, ids(measured), sites));
    }

    /** One device slow while its neighbours are fine, or its CPU, memory or disk saturated: the device itself. */
    private void findEndpoints(Analysis a) {
        Set<UUID> covered = coveredBy(a, Breakpoint.LOCAL_NETWORK, Breakpoint.WAN, Breakpoint.CLOUD);
        Map<UUID, List<DeviceView>> bySegment = bySegment(a);
        for (DeviceView d : a.devices) {
            if (!d.measured() && !d.strain().loaded()) continue;
            List<Hop> alone = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            if (!covered.contains(d.id())) {
                for (Hop hop : Hop.values()) {
                    if (!d.bad(hop)) continue;
                    List<DeviceView> neighbours = bySegment.getOrDefault(d.device.segmentId(), List.of()).stream()
                            .filter(n -> n != d && n.has(hop)).toList();
                    if (neighbours.isEmpty()) {
                        neighbours = a.devices.stream().filter(n -> n != d && n.has(hop)).toList();
                    }
                    if (neighbours.isEmpty()) continue; // nobody to compare with: not evidence of the device itself
                    long slowNeighbours = neighbours.stream().filter(n -> n.bad(hop)).count();
                    if (slowNeighbours >= t.shareOfDevices() * neighbours.size()) continue;
                    // Slow against its own past and also clearly slower than its neighbours now.
                    Reading r = d.reading(hop);
                    double others = median(neighbours.stream().map(n -> n.reading(hop).current()).toList());
                    if (r.current() < others * t.medianRatio() || r.current() - others < t.minIncreaseMs()) continue;
                    alone.add(hop);
                    evidence.add(capitalise(hop.label()) + " " + ms(r.current()) + ", " + String.join(", ", r.why())
                            + "; its " + neighbours.size() + " neighbours normal at " + ms(others));
                }
            }
            if (alone.isEmpty() && !d.strain().loaded()) continue;
            evidence.addAll(0, d.strain().load().stream().map(s -> d.name() + ": " + s).toList());
            if (d.strain().belowMinimum() != null) evidence.add(d.strain().belowMinimum());
            // Load and slowness together are the clearest sign; either alone leaves room for doubt.
            double confidence = 0.45 + (d.strain().loaded() ? 0.2 : 0) + (!alone.isEmpty() ? 0.15 : 0)
                    + (d.strain().belowMinimum() != null ? 0.1 : 0)
                    + (!alone.isEmpty() && d.reading(alone.get(0)).weeks() >= 2 ? 0.05 : 0);
            String why = d.strain().loaded() ? String.join(", ", d.strain().load())
                    : "slow on its own while its neighbours are fine (its own link, software or hardware)";
            String summary = d.strain().loaded()
                    ? "This computer is what slows the EMR down: it is overloaded (" + String.join(", ", d.strain().load())
                    + "). The network and the EMR look fine. We are on it."
                    : "This computer is slower than the others on the same network, while the network and the EMR look fine. We are on it.";
            a.findings.add(new Finding(Breakpoint.ENDPOINT, round(Math.min(confidence, 0.95)),
                    "Endpoint: " + d.name() + " is the bottleneck: " + why + ".", summary, evidence, List.of(d.id()),
                    List.of(a.site.siteId())));
        }
    }

    // ---------------------------------------------------------------- the conclusion

    private Diagnosis conclude(Analysis a, DeviceView focus, List<Finding> findings) {
        UUID deviceId = focus == null || focus.device() == null ? null : focus.id();
        if (!findings.isEmpty()) {
            Finding main = findings.get(0);
            List<String> evidence = new ArrayList<>(main.evidence());
            a.notes.stream().filter(n -> main.evidence().stream().noneMatch(n::contains)).forEach(evidence::add);
            return new Diagnosis(a.site.siteId(), deviceId, a.from, a.to, main.breakpoint(), main.confidence(), main.headline(),
                    main.summary(), evidence, main.devices(), main.sites(), a.recurring, findings.subList(1, findings.size()));
        }
        List<DeviceView> measured = (focus == null ? a.devices : focus.device() == null ? List.<DeviceView>of() : List.of(focus))
                .stream().filter(DeviceView::measured).toList();
        if (measured.isEmpty()) {
            String who = focus == null ? "any device at " + a.site.siteName() : focus.device() == null ? "this device" : focus.name();
            List<String> evidence = new ArrayList<>(List.of("No measurements from " + who + " between " + a.from + " and " + a.to + "."));
            evidence.addAll(a.notes);
            return new Diagnosis(a.site.siteId(), deviceId, a.from, a.to, Breakpoint.INSUFFICIENT_DATA, 0,
                    "Not enough data: no measurements in this window.", summary(Breakpoint.INSUFFICIENT_DATA), evidence,
                    List.of(), List.of(), a.recurring, List.of());
        }
        boolean anyBaseline = measured.stream().anyMatch(d -> d.readings().values().stream().anyMatch(r -> r.usual() != null));
        if (!anyBaseline) {
            List<String> evidence = new ArrayList<>(List.of("Measurements exist only for this window: no history to tell "
                    + "what is usual yet (the baselines need past hours, ideally the same hour in past weeks)."));
            evidence.addAll(a.notes);
            return new Diagnosis(a.site.siteId(), deviceId, a.from, a.to, Breakpoint.INSUFFICIENT_DATA, 0.2,
                    "Not enough data: no history to compare with.", summary(Breakpoint.INSUFFICIENT_DATA), evidence,
                    List.of(), List.of(), a.recurring, List.of());
        }
        List<String> evidence = new ArrayList<>();
        for (Hop hop : Hop.values()) {
            List<DeviceView> with = measured.stream().filter(d -> d.has(hop)).toList();
            if (with.isEmpty()) continue;
            List<Double> usual = with.stream().map(d -> d.reading(hop).usual()).filter(Objects::nonNull).toList();
            evidence.add(capitalise(hop.label()) + " " + ms(median(with.stream().map(d -> d.reading(hop).current()).toList()))
                    + (usual.isEmpty() ? "" : ", usual " + ms(median(usual))));
        }
        evidence.addAll(a.notes);
        int weeks = measured.stream().flatMap(d -> d.readings().values().stream()).mapToInt(Reading::weeks).max().orElse(0);
        double confidence = 0.5 + (weeks >= 2 ? 0.2 : 0) + (measured.size() >= 2 ? 0.15 : 0);
        return new Diagnosis(a.site.siteId(), deviceId, a.from, a.to, Breakpoint.NONE, round(confidence),
                "No fault: every hop within its usual range (" + measured.size() + " devices measured).",
                summary(Breakpoint.NONE), evidence, List.of(), List.of(), a.recurring, List.of());
    }

    private static String summary(Breakpoint b) {
        switch (b) {
            case LOCAL_NETWORK:
                return "The clinic's local network is congested; your computer, the internet link and the EMR are fine. We are on it.";
            case WAN:
                return "The clinic's internet link is saturated; we are on it.";
            case CLOUD:
                return "The EMR service is slow to answer; the clinic's network is fine. We are following it up with the vendor.";
            case NONE:
                return "Our measurements show nothing out of the ordinary at the moment; an engineer will look at your report.";
            default:
                return "We do not have enough measurements yet to say where the time goes; an engineer will look at your report.";
        }
    }

    // ---------------------------------------------------------------- recurring windows

    /**
     * Slots of the week (site time) whose site-wide median was slow against the site's usual level in most of the
     * past weeks: "slow on weekdays 13:00–15:00 for 4 weeks". Deliberately not against the same hour of the week,
     * which would call a problem that recurs every afternoon "usual".
     */
    private List<RecurringWindow> recurring(SiteMeasurements m, Map<UUID, Map<Hop, List<Point>>> corrected) {
        // The whole site, then each segment: a problem of one segment out of four does not move the site's median.
        Map<String, List<Map<Hop, List<Point>>>> scopes = new LinkedHashMap<>();
        scopes.put(null, new ArrayList<>(corrected.values()));
        if (m.segments().size() > 1) {
            for (Segment s : m.segments()) {
                List<Map<Hop, List<Point>>> on = new ArrayList<>();
                for (Device d : m.devices()) if (s.id().equals(d.segmentId())) on.add(corrected.get(d.id()));
                if (!on.isEmpty()) scopes.put(s.name(), on);
            }
        }
        List<RecurringWindow> windows = new ArrayList<>();
        scopes.forEach((scope, series) -> {
            for (Hop hop : Hop.values()) windows.addAll(recurring(m, scope, hop, series));
        });
        // A slow gateway makes every later hop slow in the same slots, and a site-wide window shows on its
        // segments too: keep a window only for the first hop and the widest scope that show it.
        List<RecurringWindow> kept = new ArrayList<>();
        for (RecurringWindow w : windows) {
            boolean seen = kept.stream().anyMatch(k -> k.days().equals(w.days()) && k.from().equals(w.from()) && k.to().equals(w.to()));
            if (!seen) kept.add(w);
        }
        return kept;
    }

    private List<RecurringWindow> recurring(SiteMeasurements m, String scope, Hop hop, List<Map<Hop, List<Point>>> series) {
        long slot = t.recurringSlot().getSeconds();
        // Each point's slot is worked out once (this runs over every point of the site, per hop and scope).
        int total = 0;
        for (Map<Hop, List<Point>> hops : series) total += hops.getOrDefault(hop, List.of()).size();
        long[] keys = new long[total];
        double[] ms = new double[total];
        int n = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (Map<Hop, List<Point>> hops : series) {
            for (Point p : hops.getOrDefault(hop, List.of())) {
                long k = Math.floorDiv(p.at().getEpochSecond(), slot);
                keys[n] = k;
                ms[n++] = p.ms();
                first = Math.min(first, k);
                last = Math.max(last, k);
            }
        }
        if (first == Long.MAX_VALUE || last == first) return List.of();
        int slots = (int) (last - first + 1);
        int[] counts = new int[slots];
        for (int j = 0; j < n; j++) counts[(int) (keys[j] - first)]++;
        double[][] values = new double[slots][];
        for (int i = 0; i < slots; i++) values[i] = new double[counts[i]];
        int[] filled = new int[slots];
        for (int j = 0; j < n; j++) {
            int i = (int) (keys[j] - first);
            values[i][filled[i]++] = ms[j];
        }
        double[] medians = new double[slots];
        double[] present = new double[slots];
        int withData = 0;
        for (int i = 0; i < slots; i++) {
            medians[i] = median(values[i], counts[i]);
            if (counts[i] > 0) present[withData++] = medians[i];
        }
        if (withData < 2) return List.of();
        double usual = median(present, withData);
        // (day, time of day) -> weeks with data and weeks slow
        Map<DayOfWeek, TreeMap<LocalTime, Set<LocalDate>>> dataWeeks = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, TreeMap<LocalTime, Set<LocalDate>>> slowWeeks = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < slots; i++) {
            if (counts[i] == 0) continue;
            ZonedDateTime at = Instant.ofEpochSecond((first + i) * slot).atZone(m.zone());
            LocalDate week = at.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalTime time = at.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            dataWeeks.computeIfAbsent(at.getDayOfWeek(), d -> new TreeMap<>()).computeIfAbsent(time, x -> new HashSet<>()).add(week);
            if (medians[i] >= usual * t.medianRatio() && medians[i] - usual >= t.minIncreaseMs()) {
                slowWeeks.computeIfAbsent(at.getDayOfWeek(), d -> new TreeMap<>()).computeIfAbsent(time, x -> new HashSet<>()).add(week);
            }
        }
        // time of day -> the days on which it recurs, and the fewest weeks among them
        TreeMap<LocalTime, Set<DayOfWeek>> daysAt = new TreeMap<>();
        Map<LocalTime, Integer> weeksAt = new HashMap<>();
        slowWeeks.forEach((day, times) -> times.forEach((time, weeks) -> {
            int have = dataWeeks.get(day).get(time).size();
            if (weeks.size() >= t.recurringMinWeeks() && weeks.size() >= t.recurringShare() * have) {
                daysAt.computeIfAbsent(time, x -> EnumSet.noneOf(DayOfWeek.class)).add(day);
                weeksAt.merge(time, weeks.size(), Math::min);
            }
        }));
        List<RecurringWindow> windows = new ArrayList<>();
        LocalTime start = null, end = null;
        Set<DayOfWeek> days = null;
        int weeks = Integer.MAX_VALUE;
        for (Map.Entry<LocalTime, Set<DayOfWeek>> e : daysAt.entrySet()) {
            LocalTime time = e.getKey();
            if (start != null && time.equals(end) && e.getValue().equals(days)) {
                end = time.plusSeconds(slot);
                weeks = Math.min(weeks, weeksAt.get(time));
                continue;
            }
            if (start != null) windows.add(window(m, scope, hop, days, start, end, weeks));
            start = time;
            end = time.plusSeconds(slot);
            days = e.getValue();
            weeks = weeksAt.get(time);
        }
        if (start != null) windows.add(window(m, scope, hop, days, start, end, weeks));
        return windows;
    }

    private RecurringWindow window(SiteMeasurements m, String scope, Hop hop, Set<DayOfWeek> days, LocalTime from, LocalTime to, int weeks) {
        boolean within = !m.clinicHours().isEmpty() && days.stream().allMatch(d -> {
            ClinicHours h = m.clinicHours().get(d);
            return h != null && !from.isBefore(h.opens()) && (to.equals(LocalTime.MIDNIGHT) ? false : !to.isAfter(h.closes()));
        });
        String when;
        if (days.size() == 7) when = "every day";
        else if (days.equals(WEEKDAYS)) when = "on weekdays";
        else when = "on " + String.join(", ", days.stream().map(d -> capitalise(d.name().toLowerCase(Locale.ROOT)) + "s").toList());
        String clinic = m.clinicHours().isEmpty() ? ""
                : within ? ", during clinic hours" + hoursText(m, days) : ", outside clinic hours";
        String text = capitalise(hop.label()) + " slow " + when + " " + from + "–" + (to.equals(LocalTime.MIDNIGHT) ? "24:00" : to)
                + " for " + weeks + " weeks" + (scope == null ? "" : " on segment " + scope) + clinic;
        return new RecurringWindow(hop.name(), scope, days, from, to, weeks, within, text);
    }

    private static String hoursText(SiteMeasurements m, Set<DayOfWeek> days) {
        Set<ClinicHours> hours = new HashSet<>();
        days.forEach(d -> hours.add(m.clinicHours().get(d)));
        if (hours.size() != 1) return "";
        ClinicHours h = hours.iterator().next();
        return " (" + h.opens() + "–" + h.closes() + ")";
    }

    // ---------------------------------------------------------------- small pieces

    private record PeerVerdict(int withData, int slow, int fine, double slowShare, double medianCurrent, List<UUID> slowSites) {
    }

    private static PeerVerdict peers(Map<UUID, Reading> readings) {
        List<Double> current = new ArrayList<>();
        List<UUID> slowSites = new ArrayList<>();
        int with = 0;
        for (Map.Entry<UUID, Reading> e : readings.entrySet()) {
            if (e.getValue().points() == 0) continue;
            with++;
            current.add(e.getValue().current());
            if (e.getValue().bad()) slowSites.add(e.getKey());
        }
        return new PeerVerdict(with, slowSites.size(), with - slowSites.size(), with == 0 ? 0 : (double) slowSites.size() / with,
                current.isEmpty() ? 0 : median(current), slowSites);
    }

    /**
     * How sure a finding is: half for being seen at all, more the larger the share of devices that show it, when
     * weeks of history back the baseline, when peers (another segment, other sites) confirm the contrast, and
     * when the margin over the threshold is clear rather than borderline.
     */
    private double confidence(double share, int weeks, boolean peersConfirm, List<DeviceView> slow, Hop hop) {
        double c = 0.45 + 0.2 * share + (weeks >= 2 ? 0.1 : weeks == 1 ? 0.05 : 0) + (peersConfirm ? 0.15 : 0);
        List<Double> ratios = slow.stream().map(d -> d.reading(hop)).filter(r -> r != null && r.usual() != null && r.usual() > 0)
                .map(r -> r.current() / r.usual()).toList();
        if (!ratios.isEmpty() && median(ratios) < t.medianRatio() * 1.2) c -= 0.1; // borderline
        return round(Math.min(c, 0.95));
    }

    private static int history(List<DeviceView> devices, Hop hop) {
        return devices.stream().map(d -> d.reading(hop)).filter(Objects::nonNull).mapToInt(Reading::weeks).max().orElse(0);
    }

    private String group(String label, List<DeviceView> devices, Hop hop) {
        double cur = median(devices.stream().map(d -> d.reading(hop).current()).toList());
        List<Double> usual = devices.stream().map(d -> d.reading(hop).usual()).filter(Objects::nonNull).toList();
        if (usual.isEmpty()) return label + " " + ms(cur);
        double u = median(usual);
        boolean seasonal = devices.stream().allMatch(d -> d.reading(hop).seasonal());
        return label + " " + ms(cur) + (u > 0 && cur / u >= 1.05 ? ", " + ratio(cur / u) + " its usual " : ", usual ") + ms(u)
                + (seasonal ? " for this hour of the week" : "");
    }

    /** The reasons other than the ratio (already in the headline numbers): loss, jitter, absolute limits. */
    private static String reasons(List<DeviceView> devices, Hop hop) {
        Set<String> extra = new LinkedHashSet<>();
        for (DeviceView d : devices) {
            for (String w : d.reading(hop).why()) {
                if (w.contains("its usual")) continue;
                extra.add(w.replaceAll("^\\d+(\\.\\d+)?% of tries failed", "loss").replaceAll("jitter [0-9.]+ ms", "jitter"));
            }
        }
        if (extra.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        for (String e : extra) parts.add(e);
        List<Double> losses = devices.stream().map(d -> d.reading(hop).loss()).filter(l -> l > 0).toList();
        List<Double> jitters = devices.stream().map(d -> d.reading(hop).jitter()).toList();
        parts.replaceAll(p -> p.equals("loss") ? percent(median(losses)) + " loss"
                : p.startsWith("jitter") ? "jitter " + ms(median(jitters)) + p.substring("jitter".length()) : p);
        return "; " + String.join(", ", new LinkedHashSet<>(parts));
    }

    private static Map<UUID, List<DeviceView>> bySegment(Analysis a) {
        Map<UUID, List<DeviceView>> bySegment = new HashMap<>();
        for (DeviceView d : a.devices) {
            if (d.device.segmentId() != null) bySegment.computeIfAbsent(d.device.segmentId(), k -> new ArrayList<>()).add(d);
        }
        return bySegment;
    }

    private static Set<UUID> coveredBy(Analysis a, Breakpoint... kinds) {
        Set<Breakpoint> wanted = EnumSet.copyOf(Arrays.asList(kinds));
        Set<UUID> ids = new HashSet<>();
        a.findings.stream().filter(f -> wanted.contains(f.breakpoint())).forEach(f -> ids.addAll(f.devices()));
        return ids;
    }

    private static List<UUID> ids(List<DeviceView> devices) {
        return devices.stream().map(DeviceView::id).toList();
    }

    private static int scope(Breakpoint b) {
        switch (b) {
            case CLOUD: return 4;
            case WAN: return 3;
            case LOCAL_NETWORK: return 2;
            case ENDPOINT: return 1;
            default: return 0;
        }
    }

    /** The median of the first {@code n} values; sorts them in place. */
    static double median(double[] values, int n) {
        if (n == 0) return Double.NaN;
        Arrays.sort(values, 0, n);
        int mid = n / 2;
        return n % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) v[i] = values.get(i);
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private static double mean(List<Double> values) {
        double s = 0;
        for (double v : values) s += v;
        return s / values.size();
    }

    private static double stdDev(List<Double> values, double mean) {
        double s = 0;
        for (double v : values) s += (v - mean) * (v - mean);
        return Math.sqrt(s / values.size());
    }

    private static double round(double v) {
        return Math.round(Math.max(0, v) * 100) / 100.0;
    }

    static String ms(double v) {
        if (v < 10) {
            String s = String.format(Locale.ROOT, "%.1f", v);
            return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + " ms";
        }
        return Math.round(v) + " ms";
    }

    private static String ratio(double r) {
        return r >= 10 ? Math.round(r) + "x" : String.format(Locale.ROOT, "%.1fx", r).replace(".0x", "x");
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p >= 1 || p == 0 ? String.valueOf(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 120 ? (m / 60) + " h" : m + " min";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
