package io.breakpoint.diagnosis.internal;

import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Hop;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Point;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.Directory;
import io.breakpoint.telemetry.AuthenticatedDevice;
import io.breakpoint.telemetry.Devices;
import io.breakpoint.telemetry.TelemetryIntake;
import io.breakpoint.telemetry.TelemetryReadings;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site's raw rows kept between diagnoses and topped up with what arrived since: a diagnosis sees exactly what
 * reading its window whole sees, late samples of an agent's offline queue included.
 */
abstract class RecentRawTest extends ApiTest {

    private static final String EMR = "https://emr.recent-raw.test/login";

    @Autowired
    TelemetryReadings readings;
    @Autowired
    Devices devices;
    @Autowired
    TelemetryIntake intake;
    @Autowired
    Directory directory;
    @Autowired
    Administration admin;

    private UUID site;
    private final ZoneId zone = ZoneId.of("America/Chicago");

    @Test
    void aDiagnosisWithKeptRawRowsSeesWhatReadingTheWindowWholeSees() {
        UUID[] made = new UUID[2];
        clinics.asMspAdmin(() -> made[0] = admin.createOrganization("Recent Raw " + UUID.randomUUID().toString().substring(0, 8), false));
        clinics.asMspAdmin(() -> made[1] = admin.createSite(made[0], "Recent Clinic", zone.getId(), Map.of(), Map.of()));
        site = made[1];
        AuthenticatedDevice a = enrolled("RECENT-1"), b = enrolled("RECENT-2");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int minutes = 85; minutes >= 1; minutes -= 5) {
            send(a, sample(now.minus(minutes, ChronoUnit.MINUTES), 100.0 + minutes, EMR));
            send(b, sample(now.minus(minutes, ChronoUnit.MINUTES), minutes % 15 == 0 ? null : 200.0 + minutes, EMR));
        }
        TelemetryMeasurements kept = measurements();

        Instant to = Instant.now();
        assertThat(kept.site(site, "Recent Clinic", zone, Map.of(), to.minus(1, ChronoUnit.DAYS), to)).isEqualTo(whole(to.minus(1, ChronoUnit.DAYS), to));

        // the agent's offline queue sends old samples now: new received time, old taken time; one is sent twice,
        // one is older than the raw window, one names another EMR host
        Sample late = sample(now.minus(50, ChronoUnit.MINUTES).plusSeconds(7), 321.0, EMR);
        send(a, late, sample(now.minus(3, ChronoUnit.HOURS), 999.0, EMR), sample(now, 123.0, EMR));
        send(a, late);
        send(b, sample(now.minus(30, ChronoUnit.MINUTES).plusSeconds(3), 222.0, "https://other-emr.recent-raw.test/"));

        to = Instant.now();
        SiteMeasurements second = kept.site(site, "Recent Clinic", zone, Map.of(), to.minus(1, ChronoUnit.DAYS), to);
        assertThat(second).isEqualTo(whole(to.minus(1, ChronoUnit.DAYS), to));
        // the EMR series is the time to first byte: 20 ms under the total here
        assertThat(emr(second, a.deviceId())).extracting(Point::ms).contains(301.0, 103.0).doesNotContain(979.0)
                .as("the late sample once").filteredOn(ms -> ms == 301.0).hasSize(1);
        assertThat(emr(second, a.deviceId())).extracting(Point::at).isSorted();

        // a short window, then the full one again; then one an hour on (older rows dropped), then the earlier one again
        Instant shortFrom = to.minus(10, ChronoUnit.MINUTES);
        assertThat(kept.site(site, "Recent Clinic", zone, Map.of(), shortFrom, to)).isEqualTo(whole(shortFrom, to));
        assertThat(kept.site(site, "Recent Clinic", zone, Map.of(), to.minus(1, ChronoUnit.DAYS), to)).isEqualTo(whole(to.minus(1, ChronoUnit.DAYS), to));
        Instant later = to.plus(1, ChronoUnit.HOURS);
        assertThat(kept.site(site, "Recent Clinic", zone, Map.of(), later.minus(1, ChronoUnit.DAYS), later)).isEqualTo(whole(later.minus(1, ChronoUnit.DAYS), later));
        assertThat(kept.site(site, "Recent Clinic", zone, Map.of(), to.minus(1, ChronoUnit.DAYS), to)).isEqualTo(whole(to.minus(1, ChronoUnit.DAYS), to));
        // a ticket's window, hours ago
        Instant earlier = to.minus(80, ChronoUnit.MINUTES);
        assertThat(kept.site(site, "Recent Clinic", zone, Map.of(), earlier.minus(1, ChronoUnit.DAYS), earlier)).isEqualTo(whole(earlier.minus(1, ChronoUnit.DAYS), earlier));
    }

    /** A diagnosis's input from a source that has kept nothing yet: the window read whole. */
    private SiteMeasurements whole(Instant from, Instant to) {
        return measurements().site(site, "Recent Clinic", zone, Map.of(), from, to);
    }

    private TelemetryMeasurements measurements() {
        return new TelemetryMeasurements(readings, devices, intake, directory);
    }

    private static List<Point> emr(SiteMeasurements m, UUID device) {
        return m.devices().stream().filter(d -> d.id().equals(device)).findFirst().orElseThrow().series(Hop.EMR);
    }

    private AuthenticatedDevice enrolled(String hostname) {
        String code = api.as(clinics.mspAdmin()).post("/api/v1/sites/" + site + "/enrollment-codes", Map.of()).expect(201)
                .path("code").asString();
        JsonNode r = api.anonymous().post("/api/v1/agent/enrollments", Map.of("code", code, "hostname", hostname)).expect(201);
        UUID id = UUID.fromString(r.path("deviceId").asString());
        return new AuthenticatedDevice(id, site, devices.find(id).orElseThrow().organizationId());
    }

    private void send(AuthenticatedDevice device, Sample... samples) {
        assertThat(intake.ingest(device, new io.breakpoint.agent.protocol.TelemetryBatch(device.deviceId(), null, List.of(samples)))
                .rejected()).isEmpty();
    }

    /** Sent now (so no clock skew is corrected), taken at {@code at}; an EMR probe that failed when {@code emrMs} is null. */
    private static Sample sample(Instant at, Double emrMs, String emr) {
        ProbeResult gateway = new ProbeResult("GATEWAY", "10.20.1.1", null, 0.6, null, null, 1.2, 3, 0, 0.3, null);
        ProbeResult target = emrMs == null
                ? new ProbeResult("EMR", emr, 3.0, null, null, null, null, 3, 3, null, "timeout")
                : new ProbeResult("EMR", emr, 2.0, emrMs / 4, emrMs / 4, emrMs - 20, emrMs, 3, 0, 0.5, null);
        return new Sample(UUID.randomUUID(), at, Instant.now(), "10.20.1.15", null, new DeviceState(0.25, 0.5, 0.6, List.of()),
                List.of(gateway, target), null, null, false);
    }
}

@OnH2
class RecentRawOnH2Test extends RecentRawTest {
}

@OnPostgres
class RecentRawOnPostgresTest extends RecentRawTest {
}
