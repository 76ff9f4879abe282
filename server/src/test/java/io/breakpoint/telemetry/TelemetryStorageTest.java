package io.breakpoint.telemetry;

import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.telemetry.internal.Retention;
import io.breakpoint.telemetry.internal.Rollups;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breakpoint.telemetry.AgentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What is kept of the measurements: hourly rollups built as samples arrive, retention, segments, and the read API. */
@RecordApplicationEvents
abstract class TelemetryStorageTest extends ApiTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Rollups rollups;
    @Autowired
    Retention retention;
    @Autowired
    TelemetryReadings readings;
    @Autowired
    Devices devices;

    private static Sample emrAt(Instant takenAt, Double emrMs, double cpu) {
        Sample s = withProbes(aSample(), probe("GATEWAY", "10.20.1.1", 1.0), probe("EMR", "https://emr.example.com", emrMs));
        s = withState(s, new DeviceState(cpu, 0.5, 0.5, List.of()));
        return takenAt(s, takenAt, Instant.now());
    }

    @Test
    void anHourOfSamplesRollsUpPerHopWithMeanPercentilesAndFailures() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "ROLL-1");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        Sample failed = withProbes(emrAt(hour.plus(Duration.ofMinutes(50)), null, 0.9),
                new ProbeResult("EMR", "https://emr.example.com", 3.0, null, null, null, null, 3, 3, null, "timeout"));
        device.send(emrAt(hour.plusSeconds(60), 100.0, 0.2), emrAt(hour.plusSeconds(600), 200.0, 0.4),
                emrAt(hour.plusSeconds(1200), 300.0, 0.6), emrAt(hour.plusSeconds(1800), 400.0, 0.8), failed).expect(200);
        rollups.rollUp(Instant.now());

        List<HourlyRollup> rows = readings.hourlyForDevice(device.id(), hour, hour.plus(1, ChronoUnit.HOURS));
        assertThat(rows).extracting(HourlyRollup::hop).containsExactly("EMR", "GATEWAY");
        HourlyRollup emr = rows.get(0);
        assertThat(emr.hour()).isEqualTo(hour);
        assertThat(emr.samples()).isEqualTo(5);
        assertThat(emr.latencyCount()).isEqualTo(4);
        assertThat(emr.latencyMeanMs()).isEqualTo(250.0);
        assertThat(emr.latencyP50Ms()).isEqualTo(200.0);
        assertThat(emr.latencyP95Ms()).isEqualTo(400.0);
        assertThat(emr.latencyMinMs()).isEqualTo(100.0);
        assertThat(emr.latencyMaxMs()).isEqualTo(400.0);
        assertThat(emr.failures()).isEqualTo(3);
        assertThat(emr.attempts()).isEqualTo(15);
        assertThat(emr.cpuMax()).isEqualTo(0.9);
        assertThat(emr.cpuMean()).isCloseTo(0.58, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(readings.hourlyForSite(clinics.mainCampus(), hour, hour.plus(1, ChronoUnit.HOURS)))
                .filteredOn(r -> r.deviceId().equals(device.id())).hasSize(2);
    }

    @Test
    void aSampleThatArrivesLateJoinsItsHour() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "LATE-1");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(5, ChronoUnit.HOURS);
        device.send(emrAt(hour.plusSeconds(100), 100.0, 0.1)).expect(200);
        rollups.rollUp(Instant.now());
        // the agent was offline; its queue arrives later with more of that hour
        device.send(emrAt(hour.plusSeconds(200), 300.0, 0.1)).expect(200);
        rollups.rollUp(Instant.now().plusMillis(1));
        HourlyRollup emr = readings.hourlyForDevice(device.id(), hour, hour.plus(1, ChronoUnit.HOURS)).get(0);
        assertThat(emr.samples()).isEqualTo(2);
        assertThat(emr.latencyMeanMs()).isEqualTo(200.0);
        assertThat(readings.rawForDevice(device.id(), hour, hour.plus(1, ChronoUnit.HOURS))).hasSize(4);
        assertThat(readings.statesForDevice(device.id(), hour, hour.plus(1, ChronoUnit.HOURS))).hasSize(2);
        // whoever keeps the site's rollups in memory (the diagnosis) hears that this old hour changed
        assertThat(events.stream(HourlyRollupsRebuilt.class).map(e -> e.earliestHourBySite().get(clinics.mainCampus())))
                .contains(hour);
    }

    @Test
    void theSlimReadsGiveTheSameTimesAsTheFullRows() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "SLIM-1");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(7, ChronoUnit.HOURS);
        Sample failed = withProbes(emrAt(hour.plusSeconds(900), null, 0.2),
                new ProbeResult("EMR", "https://emr.example.com", 3.0, null, null, null, null, 3, 3, null, "timeout"));
        device.send(emrAt(hour.plusSeconds(60), 100.0, 0.2), emrAt(hour.plusSeconds(600), 300.0, 0.2), failed).expect(200);
        rollups.rollUp(Instant.now());
        Instant to = hour.plus(1, ChronoUnit.HOURS);

        List<TelemetryReadings.HopPoint> hourly = readings.hourlyPointsForSites(List.of(clinics.mainCampus()), List.of("EMR"), hour, to)
                .stream().filter(p -> p.deviceId().equals(device.id())).toList();
        HourlyRollup emr = readings.hourlyForDevice(device.id(), hour, to).get(0);
        assertThat(hourly).singleElement().satisfies(p -> {
            assertThat(p.hop()).isEqualTo("EMR");
            assertThat(p.at()).isEqualTo(hour);
            assertThat(p.latencyMs()).isEqualTo(emr.latencyP50Ms());
            assertThat(p.firstByteMs()).isEqualTo(emr.firstByteMeanMs());
            assertThat(p.attempts()).isEqualTo(emr.attempts());
            assertThat(p.failures()).isEqualTo(3);
        });
        List<TelemetryReadings.HopPoint> raw = readings.rawPointsForSite(clinics.mainCampus(), hour, to).stream()
                .map(TelemetryReadings.RawHopPoint::point).filter(p -> p.deviceId().equals(device.id())).toList();
        List<ProbeReading> full = readings.rawForDevice(device.id(), hour, to);
        assertThat(raw).extracting(TelemetryReadings.HopPoint::latencyMs).containsExactlyElementsOf(full.stream().map(ProbeReading::latencyMs).toList());
        assertThat(raw).extracting(TelemetryReadings.HopPoint::hop).containsExactlyElementsOf(full.stream().map(ProbeReading::hop).toList());
        assertThat(raw).extracting(TelemetryReadings.HopPoint::at).containsExactlyElementsOf(full.stream().map(ProbeReading::takenAt).toList());
    }

    @Test
    void retentionDeletesRawRowsAfterTwoWeeksAndRollupsAfterThirteenMonths() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "OLD-1");
        Instant now = Instant.now();
        UUID old = UUID.randomUUID();
        insertRawSample(device.id(), old, now.minus(Duration.ofDays(20)));
        Sample recent = aSample();
        device.send(recent).expect(200);
        insertRollup(device.id(), now.minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.HOURS));
        insertRollup(device.id(), now.minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS));

        Retention.Purged purged = retention.purge();
        assertThat(purged.samples()).isGreaterThanOrEqualTo(1);
        assertThat(count("telemetry_samples where id = '" + old + "'")).isZero();
        assertThat(count("probe_measurements where sample_id = '" + old + "'")).isZero();
        assertThat(count("telemetry_samples where id = '" + recent.id() + "'")).isEqualTo(1);
        assertThat(count("probe_rollups_hourly where device_id = '" + device.id() + "'")).isEqualTo(1);
    }

    @Test
    void aDeviceIsPlacedOnTheSegmentWhoseRangeHoldsItsAddressTheMostSpecificWinning() {
        UUID site = clinics.chesterfield();
        var admin = api.as(clinics.mspAdmin());
        String clinical = admin.post("/api/v1/sites/" + site + "/segments", Map.of("name", "Clinical wired", "purpose", "CLINICAL",
                "cidrs", List.of("10.40.0.0/16"))).expect(201).path("id").asString();
        String guest = admin.post("/api/v1/sites/" + site + "/segments", Map.of("name", "Guest Wi-Fi", "purpose", "GUEST",
                "cidrs", List.of("10.40.9.0/24"), "probeAddresses", List.of("10.40.9.1:80"))).expect(201).path("id").asString();
        assertThat(admin.post("/api/v1/sites/" + site + "/segments", Map.of("name", "Bad", "purpose", "VOICE",
                "cidrs", List.of("10.40.0.0/33"))).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/sites/" + site + "/segments", Map.of("name", "Clinical wired", "purpose", "VOICE",
                "cidrs", List.of("10.41.0.0/16"))).status()).isEqualTo(409);

        Device exam = aDevice(api, clinics, site, "SEG-EXAM");
        Device lobby = aDevice(api, clinics, site, "SEG-LOBBY");
        Device elsewhere = aDevice(api, clinics, site, "SEG-VPN");
        exam.send(at(aSample(), "10.40.1.20", null)).expect(200);
        lobby.send(at(aSample(), "10.40.9.33", null)).expect(200);
        elsewhere.send(at(aSample(), "172.16.0.9", null)).expect(200);

        DeviceView e = devices.find(exam.id()).orElseThrow();
        assertThat(e.segmentId()).hasToString(clinical);
        assertThat(e.segmentPurpose()).isEqualTo(SegmentPurpose.CLINICAL);
        assertThat(devices.find(lobby.id()).orElseThrow().segmentId()).hasToString(guest);
        assertThat(devices.find(lobby.id()).orElseThrow().segmentName()).isEqualTo("Guest Wi-Fi");
        assertThat(devices.find(elsewhere.id()).orElseThrow().segmentId()).isNull();
        Instant now = Instant.now();
        assertThat(readings.rawForDevice(lobby.id(), now.minusSeconds(600), now.plusSeconds(60)))
                .allSatisfy(r -> assertThat(r.segmentId()).hasToString(guest));

        // the guest segment's probe address is what clinical devices are told they must not reach
        assertThat(exam.get("/api/v1/agent/config").expect(200).path("guestAddresses").toString()).contains("10.40.9.1:80");
    }

    @Test
    void complianceReadsOsAndDiskEncryptionPerDevice() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "COMPLY-1");
        DeviceView v = devices.ofOrganizations(List.of(clinics.riverbend())).stream()
                .filter(d -> d.id().equals(device.id())).findFirst().orElseThrow();
        assertThat(v.osName()).isEqualTo("Windows 11 Pro");
        assertThat(v.osVersion()).isEqualTo("23H2");
        assertThat(v.diskEncrypted()).isTrue();
    }

    @Test
    void theRegistryShowsEachOrganizationOnlyItsOwnDevicesAndClinicStaffNone() {
        Device mine = aDevice(api, clinics, clinics.mainCampus(), "MINE-1");
        Device theirs = aDevice(api, clinics, clinics.lakesideClinic(), "THEIRS-1");
        assertThat(api.as(clinics.ben()).get("/api/v1/devices").expect(200).toString())
                .contains(mine.id().toString()).doesNotContain(theirs.id().toString());
        assertThat(api.as(clinics.jones()).get("/api/v1/devices").expect(200).toString())
                .contains(theirs.id().toString()).doesNotContain(mine.id().toString());
        assertThat(api.as(clinics.jones()).get("/api/v1/devices/" + mine.id()).status()).isEqualTo(404);
        assertThat(api.as(clinics.ellis()).get("/api/v1/devices").status()).isEqualTo(403);
        assertThat(api.as(clinics.mspAdmin()).get("/api/v1/devices?siteId=" + clinics.lakesideClinic()).expect(200).toString())
                .contains(theirs.id().toString());
    }

    private void insertRawSample(UUID deviceId, UUID sampleId, Instant takenAt) {
        jdbc.sql("insert into telemetry_samples (id, device_id, site_id, taken_at, received_at, burst) values (?,?,?,?,?,false)")
                .params(sampleId, deviceId, clinics.mainCampus(), Timestamp.from(takenAt), Timestamp.from(takenAt)).update();
        jdbc.sql("""
                        insert into probe_measurements (sample_id, seq, device_id, site_id, taken_at, hop, target, total_ms, attempts, failures)
                        values (?,0,?,?,?,'GATEWAY','10.0.0.1',1.0,1,0)""")
                .params(sampleId, deviceId, clinics.mainCampus(), Timestamp.from(takenAt)).update();
    }

    private void insertRollup(UUID deviceId, Instant hour) {
        jdbc.sql("""
                        insert into probe_rollups_hourly (device_id, hop, target, hour_start, site_id, samples, latency_count, attempts, failures)
                        values (?,'GATEWAY','10.0.0.1',?,?,60,60,60,0)""")
                .params(deviceId, Timestamp.from(hour), clinics.mainCampus()).update();
    }
}

@OnH2
class TelemetryStorageOnH2Test extends TelemetryStorageTest {
}

@OnPostgres
class TelemetryStorageOnPostgresTest extends TelemetryStorageTest {
}
