package io.breakpoint.demo;

import io.breakpoint.agent.protocol.*;
import io.breakpoint.diagnosis.SlownessReporting;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.telemetry.*;
import org.springframework.stereotype.Component;

import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.*;

/**
 * The demo's workstations and four weeks of their telemetry, in which each demo site shows a breakpoint:
 * <ul>
 *   <li>Chesterfield Clinic: an old laptop (2 cores, 4 GB) with its CPU pinned for the last 40 minutes → ENDPOINT;</li>
 *   <li>O'Fallon Satellite: guest Wi-Fi shares the clinical Wi-Fi segment and floods it on weekday afternoons
 *       (13:00–15:00) for four weeks, and right now → LOCAL_NETWORK, with the recurring window;</li>
 *   <li>Lakeside Clinic: a thin WAN link, slow beyond the gateway now and on weekday mornings → WAN;</li>
 *   <li>Main Campus: healthy, the other Riverbend sites' peer on the same EMR.</li>
 * </ul>
 * Devices enroll with real enrollment codes; the last two hours arrive as raw samples through the ingestion
 * rules, the weeks before as hourly rollups imported whole (millions of raw rows would make {@code --demo} slow).
 * Each site with a fault also sends a one-click slowness report, which opens a ticket carrying its diagnosis.
 */
@Component
class TelemetryDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TelemetryDemo.class);

    static final String EMR = "https://ehr.riverbend-cloud.example/login";
    static final String TRANSACTION = "https://ehr.riverbend-cloud.example/login -> /static/app.js";
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Duration RAW = Duration.ofHours(2);

    private final DeviceManagement management;
    private final TelemetryIntake intake;
    private final SlownessReporting reporting;
    private final Clock clock;

    TelemetryDemo(DeviceManagement management, TelemetryIntake intake, SlownessReporting reporting, Clock clock) {
        this.clock = clock;
        this.management = management;
        this.intake = intake;
        this.reporting = reporting;
    }

    /** The healthy level of each hop, in ms. */
    private static final Map<String, Double> HEALTHY = Map.of("GATEWAY", 2.5, "EDGE", 8.0, "REFERENCE", 24.0,
            "EMR", 170.0, "EMR_TRANSACTION", 620.0);

    /** How a device's hops and load differ from healthy at a time. */
    private interface Condition {
        Effect at(ZonedDateTime t, boolean now);
    }

    private record Effect(Map<String, Double> factor, double loss, double jitterMs, double cpu, double memory) {
        static final Effect NONE = new Effect(Map.of(), 0, 0, -1, -1);
    }

    private record Workstation(String hostname, UUID siteId, UUID organizationId, String address, String gateway,
                               String edge, DeviceFacts facts, Condition condition, String reporter) {
    }

    /** Seeds it all as the signed-in MSP admin; returns the number of devices. */
    int seed(Instant now, UUID mainCampus, UUID chesterfield, UUID ofallon, UUID lakeside, UUID riverbend, UUID lakesideOrg) {
        long started = System.nanoTime();
        Actor admin = Actors.current();
        Random random = new Random(4_2026L);
        List<Workstation> all = new ArrayList<>();
        Condition healthy = (t, n) -> Effect.NONE;

        site(admin, mainCampus, "10.10");
        for (int i = 1; i <= 4; i++) {
            all.add(new Workstation("MAIN-EXAM-" + i, mainCampus, riverbend, "10.10.1." + (20 + i), "10.10.1.1", "10.10.0.1:443",
                    facts("MAIN-EXAM-" + i, "Dell", "OptiPlex 7090", 8, 16), healthy, null));
        }

        site(admin, chesterfield, "10.20");
        for (int i = 1; i <= 3; i++) {
            all.add(new Workstation("CHES-EXAM-" + i, chesterfield, riverbend, "10.20.1." + (20 + i), "10.20.1.1", "10.20.0.1:443",
                    facts("CHES-EXAM-" + i, "Dell", "OptiPlex 7090", 8, 16), healthy, null));
        }
        Condition pinned = (t, n) -> n ? new Effect(Map.of("EMR_TRANSACTION", 3.2, "GATEWAY", 1.3), 0, 0, 0.97, 0.94) : Effect.NONE;
        all.add(new Workstation("CHES-FRONT-OLD", chesterfield, riverbend, "10.20.2.30", "10.20.2.1", "10.20.0.1:443",
                facts("CHES-FRONT-OLD", "Dell", "Latitude E5440", 2, 4), pinned, "dr.ellis@riverbend.demo"));

        site(admin, ofallon, "10.30");
        Condition guestFlood = (t, n) -> n || (t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 13 && t.getHour() < 15)
                ? new Effect(Map.of("GATEWAY", 9.0, "EDGE", 3.5, "REFERENCE", 1.8, "EMR", 1.3, "EMR_TRANSACTION", 1.9), 0.02, 24, -1, -1)
                : Effect.NONE;
        for (int i = 1; i <= 3; i++) {
            all.add(new Workstation("OFAL-EXAM-" + i, ofallon, riverbend, "10.30.1." + (20 + i), "10.30.1.1", "10.30.0.1:443",
                    facts("OFAL-EXAM-" + i, "Lenovo", "ThinkPad T14", 8, 16), guestFlood, i == 1 ? "ma.fox@riverbend.demo" : null));
        }
        for (int i = 1; i <= 2; i++) {
            all.add(new Workstation("OFAL-FRONT-" + i, ofallon, riverbend, "10.30.2." + (20 + i), "10.30.2.1", "10.30.0.1:443",
                    facts("OFAL-FRONT-" + i, "Dell", "OptiPlex 7090", 8, 16), healthy, null));
        }

        site(admin, lakeside, "10.40");
        Condition thinLink = (t, n) -> n || (t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 8 && t.getHour() < 10)
                ? new Effect(Map.of("EDGE", 7.0, "REFERENCE", 4.5, "EMR", 1.6, "EMR_TRANSACTION", 2.4), 0, 6, -1, -1)
                : Effect.NONE;
        for (int i = 1; i <= 3; i++) {
            all.add(new Workstation("LAKE-EXAM-" + i, lakeside, lakesideOrg, "10.40.1." + (20 + i), "10.40.1.1", "10.40.0.1:443",
                    facts("LAKE-EXAM-" + i, "HP", "EliteDesk 800", 6, 16), thinLink, i == 1 ? "rn.ivy@lakeside.demo" : null));
        }

        Map<Workstation, AuthenticatedDevice> enrolled = new LinkedHashMap<>();
        Map<UUID, String> codes = new HashMap<>();
        for (Workstation w : all) {
            String code = codes.computeIfAbsent(w.siteId(), s -> management.createEnrollmentCode(admin, s, "Demo workstations",
                    Duration.ofDays(1), 20).code());
            EnrollmentResponse r = intake.enroll(new EnrollmentRequest(code, w.hostname(), "0.1.0", w.facts()));
            enrolled.put(w, new AuthenticatedDevice(r.deviceId(), r.siteId(), w.organizationId()));
        }

        Instant rawFrom = now.minus(RAW).truncatedTo(ChronoUnit.HOURS);
        Instant historyFrom = now.minus(Duration.ofDays(28)).truncatedTo(ChronoUnit.HOURS);
        List<HourlyRollup> rollups = new ArrayList<>();
        for (Map.Entry<Workstation, AuthenticatedDevice> e : enrolled.entrySet()) {
            Workstation w = e.getKey();
            AuthenticatedDevice d = e.getValue();
            UUID segment = segmentOf(w);
            for (Instant hour = historyFrom; hour.isBefore(rawFrom); hour = hour.plus(Duration.ofHours(1))) {
                Effect effect = w.condition().at(hour.atZone(CHICAGO), false);
                double cpu = effect.cpu() >= 0 ? effect.cpu() : 0.15 + random.nextDouble() * 0.2;
                double memory = effect.memory() >= 0 ? effect.memory() : 0.45 + random.nextDouble() * 0.1;
                for (String hop : HEALTHY.keySet()) {
                    double v = value(hop, effect, random);
                    int attempts = hop.startsWith("EMR") ? 60 : 180;
                    int failures = (int) Math.round(attempts * (hop.equals("GATEWAY") ? effect.loss() : 0));
                    double jitter = hop.equals("GATEWAY") || hop.equals("EDGE") ? Math.max(0.4, effect.jitterMs()) : 1.5;
                    rollups.add(new HourlyRollup(d.deviceId(), w.siteId(), segment, hop, target(w, hop), hour, 60, attempts - failures,
                            v * 1.05, hop.equals("EMR") ? v + 45 : v, v * 1.6, v * 0.8, v * 2.2, hop.equals("EMR") ? v : null,
                            attempts, failures, jitter, cpu, Math.min(1, cpu + 0.15), memory, Math.min(1, memory + 0.05)));
                }
            }
        }
        int imported = intake.importHourly(rollups);
        int raw = 0;

        for (Map.Entry<Workstation, AuthenticatedDevice> e : enrolled.entrySet()) {
            Workstation w = e.getKey();
            List<Sample> samples = new ArrayList<>();
            for (Instant at = rawFrom; !at.isAfter(now.minusSeconds(30)); at = at.plus(Duration.ofMinutes(1))) {
                // "Now" is the last 40 minutes: the faults of the demo are happening as it starts.
                boolean current = at.isAfter(now.minus(Duration.ofMinutes(40)));
                samples.add(sample(w, w.condition().at(at.atZone(CHICAGO), current), at, clock.instant(), random, false));
            }
            raw += intake.ingest(e.getValue(), new TelemetryBatch(e.getValue().deviceId(), "0.1.0", samples)).accepted();
        }

        for (Map.Entry<Workstation, AuthenticatedDevice> e : enrolled.entrySet()) {
            Workstation w = e.getKey();
            if (w.reporter() == null) continue;
            List<Sample> burst = new ArrayList<>();
            for (int i = 0; i < 3; i++) burst.add(sample(w, w.condition().at(now.atZone(CHICAGO), true), now.minusSeconds(20 - i * 5L), clock.instant(), random, true));
            reporting.report(e.getValue(), e.getValue().deviceId(), new SlownessReport(
                    "The EMR is crawling, charts take forever to open.", w.reporter(), burst));
        }
        log.info("Demo telemetry: {} devices, {} hourly rollups, {} raw samples and 3 slowness reports in {} ms.", enrolled.size(),
                imported, raw, (System.nanoTime() - started) / 1_000_000);
        return enrolled.size();
    }

    private final Map<UUID, Map<String, UUID>> segments = new HashMap<>();

    /** Segments (x.1 clinical, x.2 front desk or clinical, x.9 guest) and probe settings of a demo site. */
    private void site(Actor admin, UUID siteId, String net) {
        Map<String, UUID> bySubnet = new HashMap<>();
        boolean ofallon = net.equals("10.30");
        bySubnet.put(net + ".1", management.createSegment(admin, siteId, ofallon ? "Clinical Wi-Fi" : "Clinical",
                SegmentPurpose.CLINICAL, List.of(net + ".1.0/24"), List.of()).id());
        bySubnet.put(net + ".2", management.createSegment(admin, siteId, ofallon ? "Front desk wired" : "Front desk",
                SegmentPurpose.CLINICAL, List.of(net + ".2.0/24"), List.of()).id());
        management.createSegment(admin, siteId, "Guest Wi-Fi", SegmentPurpose.GUEST, List.of(net + ".9.0/24"),
                List.of(net + ".9.1:80"));
        segments.put(siteId, bySubnet);
        management.updateProbeSettings(admin, siteId, new ProbeSettings(0, 60, 900, 300, net + ".0.1:443", ProbeSettings.REFERENCE_HOST,
                List.of(EMR), List.of(EMR, "https://ehr.riverbend-cloud.example/static/app.js"), null, null, null));
    }

    private UUID segmentOf(Workstation w) {
        String subnet = w.address().substring(0, w.address().lastIndexOf('.'));
        return segments.get(w.siteId()).get(subnet);
    }

    private static double value(String hop, Effect effect, Random random) {
        return HEALTHY.get(hop) * effect.factor().getOrDefault(hop, 1.0) * (0.9 + random.nextDouble() * 0.2);
    }

    private static String target(Workstation w, String hop) {
        switch (hop) {
            case "GATEWAY": return w.gateway() + ":443";
            case "EDGE": return w.edge();
            case "REFERENCE": return ProbeSettings.REFERENCE_HOST;
            case "EMR": return EMR;
            default: return TRANSACTION;
        }
    }

    private static Sample sample(Workstation w, Effect effect, Instant at, Instant sentAt, Random random, boolean burst) {
        List<ProbeResult> probes = new ArrayList<>();
        for (String hop : List.of("GATEWAY", "EDGE", "REFERENCE", "EMR", "EMR_TRANSACTION")) {
            double v = value(hop, effect, random);
            if (hop.equals("EMR")) {
                probes.add(new ProbeResult(hop, target(w, hop), 4.0, 22.0, 31.0, v, v + 45, 1, 0, null, null));
            } else if (hop.equals("EMR_TRANSACTION")) {
                probes.add(new ProbeResult(hop, target(w, hop), null, null, null, null, v, 1, 0, null, null));
            } else {
                boolean lost = hop.equals("GATEWAY") && random.nextDouble() < effect.loss() * 3;
                double jitter = hop.equals("GATEWAY") || hop.equals("EDGE") ? Math.max(0.4, effect.jitterMs()) : 1.5;
                probes.add(new ProbeResult(hop, target(w, hop), null, v, null, null, null, 3, lost ? 1 : 0, jitter, lost ? "timeout" : null));
            }
        }
        double cpu = effect.cpu() >= 0 ? effect.cpu() : 0.15 + random.nextDouble() * 0.2;
        double memory = effect.memory() >= 0 ? effect.memory() : 0.5;
        boolean sharedWithGuests = w.hostname().startsWith("OFAL-EXAM");
        return new Sample(UUID.randomUUID(), at, sentAt, w.address(), null,
                new DeviceState(cpu, memory, 0.55, List.of(new DeviceState.ProcessLoad("ehr-client.exe", cpu * 0.6, 600_000_000L))),
                probes, null, new SegmentationCheck(1, sharedWithGuests ? List.of(w.address().substring(0, 5) + ".9.1:80") : List.of()),
                burst);
    }

    private static DeviceFacts facts(String host, String maker, String model, int cores, int gb) {
        return new DeviceFacts(host, maker, model, "SN-" + host, cores <= 2 ? "Intel Core i5-4300U" : "Intel Core i7-11700",
                cores, (long) gb << 30, 256L << 30, 90L << 30, true, "Windows", cores <= 2 ? "10 22H2" : "11 23H2",
                cores <= 2 ? "19045" : "22631", Instant.parse("2026-11-24T12:00:00Z"), "WIRED", null);
    }
}
